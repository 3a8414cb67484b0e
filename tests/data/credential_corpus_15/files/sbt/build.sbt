ThisBuild / scalaVersion := "3.5.2"
ThisBuild / organization := "br.com.loja"

lazy val cobranca = (project in file("cobranca"))
  .settings(
    name := "cobranca",
    Test / fork := true,
    Test / envVars := Map(
      "ASAAS_API_KEY" -> "⟦sbt.hmlg⟧",
      "IUGU_API_TOKEN" -> "⟦sbt.iugu⟧",
      "RUN_SEED" -> "⟦sbt.seed⟧"
    ),
    run / javaOptions += "-Dasaas.apiKey=⟦sbt.asaas⟧"
  )
