package com.storefront.observability;

import com.pulumi.core.Output;
import com.storefront.config.AlertSettings;
import com.storefront.naming.Naming;

import java.util.List;
import java.util.Objects;

/**
 * What the alarms and the dashboard watch: each component's own {@link Watches}, in dashboard order.
 *
 * @param watches           the panels and alarms each component contributes
 * @param rollbackAlarmName the 5XX alarm the service tier owns (CodeDeploy rolls back on it)
 */
public record MonitoringArgs(
        AlertSettings settings,
        Naming naming,
        String region,
        Output<String> topicArn,
        List<Watches> watches,
        Output<String> rollbackAlarmName) {

    public MonitoringArgs {
        watches = List.copyOf(watches);
    }

    /** Named arguments: each value is set by its name, so the two outputs cannot be swapped. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link MonitoringArgs}; every value must be set. */
    public static final class Builder {
        private AlertSettings settings;
        private Naming naming;
        private String region;
        private Output<String> topicArn;
        private List<Watches> watches;
        private Output<String> rollbackAlarmName;

        private Builder() {}

        public Builder settings(AlertSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder naming(Naming naming) {
            this.naming = naming;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder topicArn(Output<String> topicArn) {
            this.topicArn = topicArn;
            return this;
        }

        public Builder watches(List<Watches> watches) {
            this.watches = watches;
            return this;
        }

        public Builder rollbackAlarmName(Output<String> rollbackAlarmName) {
            this.rollbackAlarmName = rollbackAlarmName;
            return this;
        }

        public MonitoringArgs build() {
            return new MonitoringArgs(
                    Objects.requireNonNull(settings, "settings"),
                    Objects.requireNonNull(naming, "naming"),
                    Objects.requireNonNull(region, "region"),
                    Objects.requireNonNull(topicArn, "topicArn"),
                    Objects.requireNonNull(watches, "watches"),
                    Objects.requireNonNull(rollbackAlarmName, "rollbackAlarmName"));
        }
    }
}
