package com.storefront.config;

/**
 * What removing the stack ({@code pulumi destroy}) means (CFG-5). Independent of {@code protect},
 * which guards a running stack: a protected stack must be unprotected before either teardown.
 */
public enum Teardown implements ConfigEnum {
    /**
     * Keep the data: Aurora and Redis take final snapshots, the backup vaults (with the DR copies) stay,
     * and the KMS keys that decrypt them stay too. The safe default for prod.
     */
    DECOMMISSION("decommission"),
    /** Test stacks: {@code pulumi destroy} alone removes everything, with no snapshot and nothing retained. */
    FORCE_DELETE("forceDelete");

    private final String configValue;

    Teardown(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public boolean keepsData() {
        return this == DECOMMISSION;
    }
}
