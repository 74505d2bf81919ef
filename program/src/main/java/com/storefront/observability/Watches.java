package com.storefront.observability;

import java.util.List;

/**
 * What a component contributes to the stack's monitoring: the dashboard panels of its metrics and the
 * paging alarms on them. {@link Monitoring} lays the panels out and creates the alarms in the order the
 * components are given.
 */
public record Watches(List<Panel> panels, List<Watch> alarms) {

    public Watches {
        panels = List.copyOf(panels);
        alarms = List.copyOf(alarms);
    }

    /** One dashboard widget: a title and the metrics it plots, in the region CloudWatch files them in. */
    public record Panel(String title, String region, List<MetricRef> metrics) {
        public Panel {
            metrics = List.copyOf(metrics);
        }
    }
}
