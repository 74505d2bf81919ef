package com.storefront.observability;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.AlertSettings;
import com.storefront.core.StackComponent;
import com.storefront.naming.Naming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alarms to the SNS topic (OBS-2) and the stack dashboard (OBS-1), assembled from what each component
 * contributes ({@link Watches}: its panels and the alarms on its metrics). The target-5XX alarm belongs to
 * the service tier (CodeDeploy rolls back on it); it is listed with the rest.
 */
public final class Monitoring extends StackComponent {

    public static final String TYPE = "storefront:observability:Monitoring";

    private final Output<String> dashboardName;
    private final Output<String> dashboardUrl;
    private final List<Output<String>> alarmNames = new ArrayList<>();

    public Monitoring(String name, MonitoringArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        AlertSettings settings = args.settings();
        Naming naming = args.naming();
        String region = args.region();
        Alarms alarms = new Alarms(
                args.topicArn(),
                settings.evaluationPeriods(),
                CustomResourceOptions.builder().parent(this).build());
        for (Watches contributed : args.watches()) {
            for (Watch watch : contributed.alarms()) {
                String description = watch.description().apply(settings);
                double threshold = watch.threshold().applyAsDouble(settings);
                String what = "alarm-" + watch.what();
                if (watch.metrics().size() == 1) {
                    alarms.single(
                            what,
                            naming.name(what),
                            description,
                            watch.metrics().get(0),
                            watch.comparison(),
                            threshold,
                            watch.treatMissingData());
                } else {
                    alarms.maxOf(
                            what,
                            naming.name(what),
                            description,
                            watch.metrics(),
                            watch.comparison(),
                            threshold,
                            watch.treatMissingData());
                }
            }
        }

        Dashboard dashboard = new Dashboard(
                name("dashboard"),
                DashboardArgs.builder()
                        .dashboardName(naming.stackName())
                        .dashboardBody(DashboardBody.render(widgets(args)))
                        .build(),
                CustomResourceOptions.builder().parent(this).build());

        alarms.created().stream().map(MetricAlarm::name).forEach(alarmNames::add);
        alarmNames.add(args.rollbackAlarmName());
        this.dashboardName = dashboard.dashboardName();
        this.dashboardUrl = dashboard
                .dashboardName()
                .applyValue(n -> "https://" + region + ".console.aws.amazon.com" + "/cloudwatch/home?region=" + region
                        + "#dashboards/dashboard/" + n);
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("dashboardName", dashboardName);
        outputs.put("dashboardUrl", dashboardUrl);
        outputs.put("alarmNames", Output.all(alarmNames));
        registerOutputs(outputs);
    }

    private static List<DashboardBody.Widget> widgets(MonitoringArgs args) {
        // A stack without a cache contributes no Redis panels (a widget without metrics is invalid).
        return args.watches().stream()
                .flatMap(w -> w.panels().stream())
                .filter(panel -> !panel.metrics().isEmpty())
                .map(panel -> new DashboardBody.Widget(panel.title(), panel.region(), panel.metrics()))
                .toList();
    }

    public Output<String> dashboardName() {
        return dashboardName;
    }

    /** The console link to the dashboard. */
    public Output<String> dashboardUrl() {
        return dashboardUrl;
    }

    /** Every alarm of the stack, the service tier's rollback alarm included. */
    public Output<List<String>> alarmNames() {
        return Output.all(alarmNames);
    }
}
