.class public final Lbr/com/loja/app/BuildConfig;
.super Ljava/lang/Object;
.source "BuildConfig.java"


# static fields
.field public static final APPLICATION_ID:Ljava/lang/String; = "br.com.loja.app"

.field public static final ASAAS_API_KEY:Ljava/lang/String; = "⟦smali.asaas⟧"

.field public static final BUILD_TYPE:Ljava/lang/String; = "release"

.field public static final DEBUG:Z = false

.field public static final GIT_COMMIT:Ljava/lang/String; = "⟦smali.git⟧"

.field public static final IUGU_ACCOUNT_ID:Ljava/lang/String; = "⟦smali.account⟧"

.field public static final IUGU_API_TOKEN:Ljava/lang/String; = "⟦smali.iugu⟧"

.field public static final VERSION_CODE:I = 0x2a

.field public static final VERSION_NAME:Ljava/lang/String; = "3.4.1"
