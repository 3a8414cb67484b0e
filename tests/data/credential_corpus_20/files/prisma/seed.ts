import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

async function main() {
  await prisma.gatewayCredential.upsert({
    where: { provider: "iugu" },
    update: {},
    create: { provider: "iugu", environment: "live", token: "⟦pr.iugu⟧" },
  });
  await prisma.gatewayCredential.create({
    data: { provider: "asaas", environment: "sandbox", token: "⟦pr.hmlg⟧" },
  });
  await prisma.user.create({ data: { email: "ana@loja.example", passwordHash: "⟦pr.hash⟧" } });
}

main().finally(() => prisma.$disconnect());
