package com.storefront.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What `pulumi up` would do to go from one run of the program (the base) to another (the change),
 * worked out offline (CHG-1): resources matched by URN (or an alias), each classified as create,
 * update in place, replace or delete, with the inputs that change. A change replaces a resource when
 * it touches a replacement-forcing input ({@link ReplacementRules}) or the provider; a replacement
 * gives the resource new identifiers, so every input elsewhere that refers to them changes too, and
 * may replace its resource in turn. Replacing or deleting a resource that holds data is an error.
 */
public final class ChangeImpact {

    public enum Action {
        CREATE("create"), UPDATE("update"), REPLACE("replace"), DELETE("delete");

        private final String word;

        Action(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** Resource types whose replacement or deletion loses data or what decrypts it. */
    public static final Set<String> STATEFUL_TYPES = Set.of(
            "aws:rds/cluster:Cluster", "aws:rds/clusterInstance:ClusterInstance",
            "aws:elasticache/replicationGroup:ReplicationGroup", "aws:s3/bucketV2:BucketV2", "aws:kms/key:Key",
            "aws:backup/vault:Vault", "aws:secretsmanager/secret:Secret", "aws:ecr/repository:Repository");

    /**
     * One input that differs. {@code before}/{@code after} are shown values ("[secret]" for secrets);
     * {@code replacedReference} marks an input that changes because what it refers to is replaced.
     */
    public record InputChange(String name, String before, String after, boolean forcesReplacement,
                              boolean replacedReference, List<String> sources) {
    }

    public record Change(String urn, String type, String name, String component, Action action,
                         List<InputChange> inputs, List<String> reasons, boolean stateful,
                         boolean deleteBeforeReplace) {

        /** Stateful and replaced or deleted: reported as an error. */
        public boolean endangersData() {
            return stateful && (action == Action.REPLACE || action == Action.DELETE);
        }
    }

    private static final int SHOWN_LENGTH = 120;

    private final List<Change> changes;

    private ChangeImpact(List<Change> changes) {
        this.changes = changes;
    }

    public List<Change> changes() {
        return changes;
    }

    public List<Change> endangered() {
        return changes.stream().filter(Change::endangersData).toList();
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    public static ChangeImpact between(PlanRun base, PlanRun change, ReplacementRules rules) {
        Map<String, Registered> old = byUrn(base.resources());
        Map<String, Registered> now = byUrn(change.resources());
        Map<String, String> oldUrnOf = matchByUrnOrAlias(old, now);

        Map<String, Registered> baseByUrn = new HashMap<>(old);
        Map<String, Pending> pending = new TreeMap<>();
        for (Registered after : now.values()) {
            String oldUrn = oldUrnOf.get(after.urn());
            if (oldUrn != null && after.custom()) {
                pending.put(after.urn(), Pending.compare(baseByUrn.get(oldUrn), after, rules));
            }
        }
        replaceWithRelocatedProviders(pending);
        propagateReplacements(pending, rules);

        List<Change> result = new ArrayList<>();
        pending.values().stream().filter(Pending::changed).forEach(p -> result.add(p.toChange(componentOf(change, p.after))));
        Set<String> matchedOld = new LinkedHashSet<>(oldUrnOf.values());
        for (Registered after : now.values()) {
            if (after.custom() && !oldUrnOf.containsKey(after.urn())) {
                result.add(new Change(after.urn(), after.type(), after.name(), componentOf(change, after), Action.CREATE,
                        List.of(), List.of(), STATEFUL_TYPES.contains(after.type()), after.deleteBeforeReplace()));
            }
        }
        for (Registered before : old.values()) {
            if (before.custom() && !matchedOld.contains(before.urn())) {
                boolean stateful = STATEFUL_TYPES.contains(before.type());
                result.add(new Change(before.urn(), before.type(), before.name(), componentOf(base, before), Action.DELETE,
                        List.of(), stateful ? List.of("no longer registered: pulumi up deletes it") : List.of(),
                        stateful, before.deleteBeforeReplace()));
            }
        }
        result.sort(Comparator.comparing((Change c) -> c.action().ordinal()).thenComparing(Change::urn));
        return new ChangeImpact(List.copyOf(result));
    }

    /** New URN to the old URN it continues: the same URN, or one of its aliases. */
    private static Map<String, String> matchByUrnOrAlias(Map<String, Registered> old, Map<String, Registered> now) {
        Map<String, String> match = new HashMap<>();
        Set<String> taken = new TreeSet<>();
        for (Registered after : now.values()) {
            if (old.containsKey(after.urn())) {
                match.put(after.urn(), after.urn());
                taken.add(after.urn());
            }
        }
        for (Registered after : now.values()) {
            if (match.containsKey(after.urn())) {
                continue;
            }
            after.aliasUrns().stream().filter(old::containsKey).filter(u -> !taken.contains(u)).findFirst().ifPresent(u -> {
                match.put(after.urn(), u);
                taken.add(u);
            });
        }
        return match;
    }

    /** A provider whose region changes moves everything it manages: Pulumi replaces each of them. */
    private static void replaceWithRelocatedProviders(Map<String, Pending> pending) {
        Set<String> moved = new TreeSet<>();
        pending.values().stream()
                .filter(p -> p.after.type().equals(PlanRun.PROVIDER_TYPE))
                .filter(p -> !Objects.equals(p.before.inputs().get("region"), p.after.inputs().get("region")))
                .forEach(p -> moved.add(p.after.name()));
        pending.values().stream().filter(p -> moved.contains(p.after.providerName()))
                .forEach(p -> p.providerReplaced(p.after.providerName()));
    }

    /** A replaced resource gets new identifiers; inputs that carry them change, until nothing more does. */
    private static void propagateReplacements(Map<String, Pending> pending, ReplacementRules rules) {
        Set<String> propagated = new TreeSet<>();
        boolean more = true;
        while (more) {
            more = false;
            List<Pending> replaced = pending.values().stream()
                    .filter(p -> p.replaced() && !propagated.contains(p.after.urn())).toList();
            for (Pending source : replaced) {
                propagated.add(source.after.urn());
                Set<String> identities = identities(source.before);
                for (Pending dependent : pending.values()) {
                    if (dependent != source && dependent.referenceReplaced(identities, source.label(), rules)) {
                        more = true;
                    }
                }
            }
        }
    }

    /**
     * The values other resources use to refer to this one and that a replacement changes: its id and
     * ARN-like or id-like outputs that AWS assigns. A value the resource was given (its name, say)
     * stays the same in the replacement, so what refers to it by that value does not change.
     */
    static Set<String> identities(Registered resource) {
        Set<String> values = new TreeSet<>();
        if (resource.id() != null && resource.id().length() >= 6) {
            values.add(resource.id());
        }
        resource.outputs().forEach((key, value) -> {
            if (value instanceof String s && s.length() >= 6 && !resource.inputs().containsKey(key)
                    && (key.equals("arn") || key.equals("id") || key.endsWith("Arn") || key.endsWith("Id")
                    || key.equals("repositoryUrl"))) {
                values.add(s);
            }
        });
        resource.inputs().values().stream().filter(String.class::isInstance).forEach(values::remove);
        return values;
    }

    private static String componentOf(PlanRun run, Registered resource) {
        Registered component = run.componentOf(resource);
        return component == null ? "" : component.type() + " " + component.name();
    }

    private static Map<String, Registered> byUrn(List<Registered> resources) {
        Map<String, Registered> map = new TreeMap<>();
        resources.forEach(r -> map.putIfAbsent(r.urn(), r));
        return map;
    }

    static String shown(Object value) {
        if (value == null) {
            return "(none)";
        }
        String text = value instanceof String s ? s : Json.compact(value);
        return text.length() > SHOWN_LENGTH ? text.substring(0, SHOWN_LENGTH - 1) + "…" : text;
    }

    /** A matched pair while the classification settles. */
    private static final class Pending {
        private final Registered before;
        private final Registered after;
        private final Map<String, InputChange> inputs = new TreeMap<>();
        private final List<String> reasons = new ArrayList<>();
        private boolean replaced;

        private Pending(Registered before, Registered after) {
            this.before = before;
            this.after = after;
        }

        static Pending compare(Registered before, Registered after, ReplacementRules rules) {
            Pending p = new Pending(before, after);
            Set<String> keys = new TreeSet<>(before.inputs().keySet());
            keys.addAll(after.inputs().keySet());
            // The engine keeps the old value of an ignored input, so it changes nothing.
            keys.removeAll(after.ignoreChanges());
            for (String key : keys) {
                if (!Objects.equals(before.inputs().get(key), after.inputs().get(key))) {
                    p.record(key, rules.triggered(after.type(), key, before.inputs(), after.inputs(), false), false);
                }
            }
            if (!Objects.equals(before.providerName(), after.providerName())) {
                p.replaced = true;
                p.reasons.add("its provider changes (" + before.providerName() + " -> " + after.providerName() + ")");
            }
            return p;
        }

        /**
         * Records the inputs that carry a replaced resource's identifiers (their new values are known
         * only after the replacement). Returns whether this resource became a replacement because of it.
         */
        boolean referenceReplaced(Set<String> identities, String source, ReplacementRules rules) {
            boolean wasReplaced = replaced;
            for (Map.Entry<String, Object> input : after.inputs().entrySet()) {
                String key = input.getKey();
                InputChange existing = inputs.get(key);
                if (after.ignoreChanges().contains(key) || (existing != null && existing.replacedReference())
                        || !mentions(input.getValue(), identities)) {
                    continue;
                }
                List<ReplacementRules.Rule> hit = rules.triggered(after.type(), key, before.inputs(), after.inputs(), true);
                record(key, hit, true);
                if (!hit.isEmpty()) {
                    reasons.add(key + " refers to " + source + ", which is replaced");
                }
            }
            return replaced && !wasReplaced;
        }

        void providerReplaced(String provider) {
            replaced = true;
            reasons.add("its provider " + provider + " changes region");
        }

        private void record(String key, List<ReplacementRules.Rule> hit, boolean replacedReference) {
            boolean secret = before.secretInputs().contains(key) || after.secretInputs().contains(key);
            String shownBefore = secret ? "[secret]" : shown(before.inputs().get(key));
            String shownAfter = replacedReference ? "(known after the replacement)"
                    : secret ? "[secret]" : shown(after.inputs().get(key));
            List<String> sources = hit.stream().map(r -> r.path() + ": " + r.source()).distinct().toList();
            inputs.put(key, new InputChange(key, shownBefore, shownAfter, !hit.isEmpty(), replacedReference, sources));
            if (!hit.isEmpty()) {
                if (!replacedReference) {
                    hit.stream().map(ReplacementRules.Rule::path).distinct()
                            .forEach(path -> reasons.add(path + " forces a new resource"));
                }
                replaced = true;
            }
        }

        /**
         * Whether a value carries one of the identifiers: equal to it, or, for an ARN (distinctive
         * enough to search for), containing it, as a policy document or a dimension map does.
         */
        private static boolean mentions(Object value, Set<String> identities) {
            if (value instanceof String s) {
                for (String identity : identities) {
                    if (s.equals(identity) || (identity.startsWith("arn:") && s.contains(identity))) {
                        return true;
                    }
                }
                return false;
            }
            if (value instanceof Map<?, ?> map) {
                return map.values().stream().anyMatch(v -> mentions(v, identities));
            }
            if (value instanceof List<?> list) {
                return list.stream().anyMatch(v -> mentions(v, identities));
            }
            return false;
        }

        boolean replaced() {
            return replaced;
        }

        boolean changed() {
            return replaced || !inputs.isEmpty();
        }

        String label() {
            return after.type() + " " + after.name();
        }

        Change toChange(String component) {
            boolean stateful = STATEFUL_TYPES.contains(after.type());
            return new Change(after.urn(), after.type(), after.name(), component, replaced ? Action.REPLACE : Action.UPDATE,
                    List.copyOf(inputs.values()), List.copyOf(new LinkedHashSet<>(reasons)), stateful,
                    after.deleteBeforeReplace());
        }
    }

    /** Counts per action, in report order. */
    public Map<Action, Long> counts() {
        Map<Action, Long> counts = new LinkedHashMap<>();
        for (Action action : Action.values()) {
            counts.put(action, count(action));
        }
        return counts;
    }
}
