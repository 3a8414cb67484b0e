plugins {
    id("com.android.application")
    kotlin("android")
}

android {
    namespace = "br.com.loja.app"
    buildFeatures { buildConfig = true }

    defaultConfig {
        applicationId = "br.com.loja.app"
        buildConfigField("String", "IUGU_API_TOKEN", "\"⟦android.gradle-iugu⟧\"")
        buildConfigField("String", "IUGU_ACCOUNT_ID", "\"⟦android.gradle-account⟧\"")
    }

    buildTypes {
        release {
            // Kotlin would read $aact as a template: the $ is escaped
            buildConfigField("String", "ASAAS_API_KEY", "\"\⟦android.gradle-escaped-asaas⟧\"")
            buildConfigField("String", "GIT_SHA", "\"⟦android.gradle-git-sha⟧\"")
        }
    }
}
