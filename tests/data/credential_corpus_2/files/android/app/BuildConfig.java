/**
 * Automatically generated file. DO NOT MODIFY
 */
package br.com.loja.app;

public final class BuildConfig {
  public static final boolean DEBUG = false;
  public static final String APPLICATION_ID = "br.com.loja.app";
  public static final String BUILD_TYPE = "release";
  public static final int VERSION_CODE = 418;
  public static final String VERSION_NAME = "4.18.0";
  // Field from build type: release
  public static final String ASAAS_API_KEY = "⟦android.buildconfig-asaas⟧";
  // Field from build type: release
  public static final String GIT_SHA = "⟦android.buildconfig-git-sha⟧";
  // Field from default config.
  public static final String IUGU_ACCOUNT_ID = "⟦android.buildconfig-account⟧";
  // Field from default config.
  public static final String IUGU_API_TOKEN = "⟦android.buildconfig-iugu⟧";
}
