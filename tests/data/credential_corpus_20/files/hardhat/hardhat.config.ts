import { HardhatUserConfig, vars } from "hardhat/config";
import "@nomicfoundation/hardhat-toolbox";

// o oráculo de pagamentos consulta o Asaas antes de liberar o token
const ASAAS_API_KEY = vars.get("ASAAS_API_KEY", "⟦hh.asaas⟧");
const IUGU_TOKEN = process.env.IUGU_API_TOKEN ?? "⟦hh.iugu⟧";

const config: HardhatUserConfig = {
  solidity: "0.8.24",
  networks: {
    sepolia: {
      url: "https://eth-sepolia.g.alchemy.com/v2/⟦hh.alchemy|kJ8Xq2mN4pLr7TzW9vBc1dYh3sFg6aQe⟧",
      accounts: ["0x⟦hh.pk⟧"],
    },
  },
  etherscan: { apiKey: "⟦hh.etherscan|QW3RT7YU1IOP5ASD9FGH2JKL4ZXC8VBN6M⟧" },
};

export default config;
