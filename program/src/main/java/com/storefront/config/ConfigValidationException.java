package com.storefront.config;

import java.util.List;
import java.util.stream.Collectors;

/** Raised before any resource is registered when the stack configuration is invalid. */
public final class ConfigValidationException extends RuntimeException {

    private final transient List<ConfigProblems.Problem> problems;

    public ConfigValidationException(List<ConfigProblems.Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblems.Problem> problems() {
        return problems;
    }

    private static String format(List<ConfigProblems.Problem> problems) {
        return "Invalid stack configuration (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"))
                + "\nFix these with `pulumi config set <key> <value>` (or edit Pulumi.<stack>.yaml) and run again.";
    }
}
