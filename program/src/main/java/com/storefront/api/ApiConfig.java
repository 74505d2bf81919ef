package com.storefront.api;

import com.storefront.config.ApiLogLevel;
import com.storefront.config.ApiSettings;
import com.storefront.config.ConfigSection;
import com.storefront.config.Environment;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.SettingValues;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code storefront:api}: declared settings of the API Gateway partner API (API-1), and their reader. */
public final class ApiConfig {

    private static final Pattern STAGE = Pattern.compile("^[a-zA-Z0-9_]{1,128}$");
    private static final Pattern ROLE_ARN =
            Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$");

    static final Setting<Boolean> ENABLED = Setting.bool("enabled")
            .doc("the API Gateway partner API (keys and quotas; see [Partner API](#partner-api))")
            .byEnvironment(false, true);
    static final Setting<String> STAGE_NAME = Setting.text("stageName", STAGE, "letters, digits or _ (at most 128)")
            .doc("the stage, the first path segment of the API URL")
            .defaultValue("v1");
    static final Setting<Integer> RATE_LIMIT = Setting.wholeNumber("rateLimit", 1, 10_000)
            .doc("steady requests per second, per stage method and usage plan")
            .defaultValue(100);
    static final Setting<Integer> BURST_LIMIT = Setting.wholeNumber("burstLimit", 1, 5_000)
            .doc("burst requests, at least `rateLimit`")
            .defaultValue(1000);
    static final Setting<Optional<String>> CLOUD_WATCH_ROLE_ARN = Setting.text(
                    "cloudWatchRoleArn", ROLE_ARN, "an IAM role ARN")
            .doc("the CloudWatch role the region's API Gateway account settings name (required with `api.enabled` "
                    + "unless `manageAccountLogging`); with `manageAccountLogging` the role to register")
            .optional();
    static final Setting<Boolean> MANAGE_ACCOUNT_LOGGING = Setting.bool("manageAccountLogging")
            .doc(
                    "`true`: this stack registers the logging role in the region's account settings (creating the role "
                            + "unless `cloudWatchRoleArn` is set) and never resets them; `false`: it touches nothing account-wide")
            .defaultValue(false);
    static final Setting<ApiLogLevel> EXECUTION_LOG_LEVEL = Setting.choice("executionLogLevel", ApiLogLevel.class)
            .doc("what the stage writes to its execution log group (request and response data never)")
            .defaultValue(ApiLogLevel.ERROR);

    public static final SettingGroup GROUP = new SettingGroup(
            "storefront:api",
            "the API Gateway partner API",
            List.of(
                    ENABLED,
                    STAGE_NAME,
                    RATE_LIMIT,
                    BURST_LIMIT,
                    CLOUD_WATCH_ROLE_ARN,
                    MANAGE_ACCOUNT_LOGGING,
                    EXECUTION_LOG_LEVEL));

    private ApiConfig() {}

    public static ApiSettings read(ConfigSection section, Environment environment) {
        SettingValues values = new SettingValues(section, environment);
        boolean enabled = values.read(ENABLED);
        values.read(STAGE_NAME);
        int rate = values.read(RATE_LIMIT);
        int burst = values.read(BURST_LIMIT);
        if (burst < rate) {
            values.problems().add(values.key(BURST_LIMIT), burst, "must be at least rateLimit (" + rate + ")");
        }
        values.read(CLOUD_WATCH_ROLE_ARN);
        boolean manage = values.read(MANAGE_ACCOUNT_LOGGING);
        values.read(EXECUTION_LOG_LEVEL);
        // Access logs need the account-level role as much as execution logs do.
        if (enabled && !manage && !section.has(CLOUD_WATCH_ROLE_ARN.name())) {
            values.problems()
                    .add(
                            values.key(CLOUD_WATCH_ROLE_ARN),
                            null,
                            "is required with api.enabled unless "
                                    + values.key(MANAGE_ACCOUNT_LOGGING)
                                    + " is true: API Gateway logs only through the role in the "
                                    + "region's account settings, shared by every REST API there. Name the role already registered "
                                    + "(aws apigateway get-account), or let this stack register one (manageAccountLogging: true)");
        }
        section.rejectUnknownKeys();
        return values.build(ApiSettings.class);
    }
}
