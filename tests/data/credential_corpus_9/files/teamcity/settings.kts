import jetbrains.buildServer.configs.kotlin.*
import jetbrains.buildServer.configs.kotlin.buildSteps.script

version = "2024.03"

project {
    params {
        param("env.IUGU_API_TOKEN", "⟦tc.param-iugu⟧")
        param("env.IUGU_ACCOUNT_ID", "⟦tc.param-account⟧")
        password("env.ASAAS_API_KEY", "credentialsJSON:⟦tc.credentials-json⟧")
        text("env.ASAAS_SANDBOX_KEY", "⟦tc.text-asaas-hmlg⟧", label = "Chave do sandbox", display = ParameterDisplay.HIDDEN)
    }
    buildType(IntegrationTests)
}

object IntegrationTests : BuildType({
    name = "Integration tests"
    params {
        param("env.IUGU_LIVE_TOKEN", "⟦tc.build-iugu-live⟧")
        param("env.GRADLE_CACHE_SHA1", "⟦tc.cache-sha1⟧")
    }
    steps {
        script {
            scriptContent = "./gradlew integrationTest"
        }
    }
})
