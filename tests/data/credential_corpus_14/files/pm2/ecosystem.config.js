module.exports = {
  apps: [
    {
      name: "cobranca-api",
      script: "./dist/server.js",
      instances: 2,
      exec_mode: "cluster",
      env: {
        NODE_ENV: "development",
        ASAAS_API_KEY: "⟦pm2.hmlg⟧",
      },
      env_production: {
        NODE_ENV: "production",
        ASAAS_API_KEY: "⟦pm2.asaas⟧",
        IUGU_API_TOKEN: "⟦pm2.iugu⟧",
        SESSION_SECRET: "⟦pm2.session⟧",
      },
    },
  ],
  deploy: {
    production: {
      user: "deploy",
      host: ["10.0.3.21"],
      ref: "origin/main",
      repo: "git@github.com:loja/cobranca.git",
      path: "/srv/cobranca",
      "post-deploy": "npm ci && pm2 reload ecosystem.config.js --env production",
    },
  },
};
