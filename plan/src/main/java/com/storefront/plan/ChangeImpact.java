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
import java.util.concurrent.ConcurrentHashMap;

/**
 * What `pulumi up` would do to go from one run of the program (the base) to another (the change),
 * worked out offline (CHG-1): resources matched by URN (or an alias, the parent's aliases included),
 * each classified as create, update in place, replace or delete, with the inputs that change. A
 * change replaces a resource when it touches a replacement-forcing input ({@link ReplacementRules})
 * or moves its provider to another region. As in `pulumi preview`, a created or replaced resource's
 * outputs are unknown until it exists, so every input whose value came from it (the engine's
 * property dependencies) changes too, and may replace its resource in turn. Replacing or deleting a
 * resource that holds data is an error.
 */
public final class ChangeImpact {

    public enum Action {
        CREATE("create"),
        UPDATE("update"),
        REPLACE("replace"),
        DELETE("delete");

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
            "aws:rds/cluster:Cluster",
            "aws:rds/clusterInstance:ClusterInstance",
            "aws:elasticache/replicationGroup:ReplicationGroup",
            "aws:s3/bucketV2:BucketV2",
            "aws:kms/key:Key",
            "aws:backup/vault:Vault",
            "aws:secretsmanager/secret:Secret",
            "aws:ecr/repository:Repository");

    /**
     * The input that names a resource of a type in AWS (default {@code name}). The bridged provider
     * deletes a resource before creating its replacement when that name is set: the new one could not
     * exist beside the old.
     */
    static final Map<String, String> NAME_INPUT = Map.of(
            "aws:s3/bucketV2:BucketV2", "bucket",
            "aws:rds/cluster:Cluster", "clusterIdentifier",
            "aws:rds/clusterInstance:ClusterInstance", "identifier",
            "aws:elasticache/replicationGroup:ReplicationGroup", "replicationGroupId");

    /**
     * One input that differs, with both values in full ("[secret]" for secrets).
     * {@code fromReplaced} marks an input whose value comes from a resource that is created or
     * replaced, so it is known only after that happens.
     */
    public record InputChange(
            String name,
            String before,
            String after,
            boolean forcesReplacement,
            boolean fromReplaced,
            List<String> sources) {}

    /**
     * @param deleteFirst the old resource goes before the new one exists (the option, or a fixed name)
     * @param protect     the resource is protected: `pulumi up` stops at its replacement or deletion
     * @param retained    deleting it only removes it from the stack ({@code retainOnDelete})
     */
    public record Change(
            String urn,
            String type,
            String name,
            String component,
            Action action,
            List<InputChange> inputs,
            List<String> reasons,
            boolean stateful,
            boolean deleteFirst,
            boolean protect,
            boolean retained) {

        /** Stateful and replaced, or deleted from AWS: reported as an error. */
        public boolean endangersData() {
            return stateful && (action == Action.REPLACE || (action == Action.DELETE && !retained));
        }
    }

    /** A resource Pulumi carries to a new URN through one of its aliases: the same cloud resource. */
    public record Move(String fromUrn, String toUrn) {}

    private final List<Change> changes;
    private final List<Move> moves;

    private ChangeImpact(List<Change> changes, List<Move> moves) {
        this.changes = changes;
        this.moves = moves;
    }

    public List<Change> changes() {
        return changes;
    }

    /** Resources whose URN changes while Pulumi keeps them (matched by alias), sorted by new URN. */
    public List<Move> moves() {
        return moves;
    }

    public List<Change> endangered() {
        return changes.stream().filter(Change::endangersData).toList();
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    /** Counts per action, in report order. */
    public Map<Action, Long> counts() {
        Map<Action, Long> counts = new LinkedHashMap<>();
        for (Action action : Action.values()) {
            counts.put(action, count(action));
        }
        return counts;
    }

    public static ChangeImpact between(PlanRun base, PlanRun change, ReplacementRules rules) {
        Map<String, Registered> old = byUrn(base.resources());
        Map<String, Registered> now = byUrn(change.resources());
        Map<String, String> oldUrnOf = matchByUrnOrAlias(old, now);

        Map<String, Pending> pending = new TreeMap<>();
        Set<String> created = new TreeSet<>();
        for (Registered after : now.values()) {
            String oldUrn = oldUrnOf.get(after.urn());
            if (oldUrn == null) {
                created.add(after.urn());
            } else if (after.custom()) {
                pending.put(after.urn(), Pending.compare(old.get(oldUrn), after, rules));
            }
        }
        replaceWithRelocatedProviders(pending);
        retagWithProviders(pending);
        Map<String, String> createdLabels = new TreeMap<>();
        created.forEach(urn ->
                createdLabels.put(urn, now.get(urn).type() + " " + now.get(urn).name()));
        propagate(pending, createdLabels, rules);

        List<Change> result = new ArrayList<>();
        pending.values().stream()
                .filter(Pending::changed)
                .forEach(p -> result.add(p.toChange(componentOf(change, p.after))));
        for (String urn : created) {
            Registered after = now.get(urn);
            if (after.custom()) {
                result.add(new Change(
                        urn,
                        after.type(),
                        after.name(),
                        componentOf(change, after),
                        Action.CREATE,
                        List.of(),
                        List.of(),
                        STATEFUL_TYPES.contains(after.type()),
                        false,
                        after.protect(),
                        after.retainOnDelete()));
            }
        }
        Set<String> matchedOld = new LinkedHashSet<>(oldUrnOf.values());
        for (Registered before : old.values()) {
            if (before.custom() && !matchedOld.contains(before.urn())) {
                result.add(deletion(base, before));
            }
        }
        result.sort(Comparator.comparing((Change c) -> c.action().ordinal()).thenComparing(Change::urn));
        List<Move> moves = new TreeMap<>(oldUrnOf)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals(e.getValue())
                                && now.get(e.getKey()).custom())
                        .map(e -> new Move(e.getValue(), e.getKey()))
                        .toList();
        return new ChangeImpact(List.copyOf(result), moves);
    }

    private static Change deletion(PlanRun base, Registered before) {
        List<String> reasons = new ArrayList<>();
        boolean stateful = STATEFUL_TYPES.contains(before.type());
        if (before.retainOnDelete()) {
            reasons.add("retainOnDelete: removed from the stack, kept in AWS");
        } else if (stateful) {
            reasons.add("no longer registered: pulumi up deletes it");
        }
        if (before.protect()) {
            reasons.add("protected: pulumi up stops here until it is unprotected");
        }
        return new Change(
                before.urn(),
                before.type(),
                before.name(),
                componentOf(base, before),
                Action.DELETE,
                List.of(),
                List.copyOf(reasons),
                stateful,
                before.deleteBeforeReplace(),
                before.protect(),
                before.retainOnDelete());
    }

    /** New URN to the old URN it continues: the same URN, one of its aliases, or one inherited from its parent. */
    private static Map<String, String> matchByUrnOrAlias(Map<String, Registered> old, Map<String, Registered> now) {
        Map<String, String> match = new HashMap<>();
        Set<String> taken = new TreeSet<>();
        for (Registered after : now.values()) {
            if (old.containsKey(after.urn())) {
                match.put(after.urn(), after.urn());
                taken.add(after.urn());
            }
        }
        Map<String, List<String>> aliases = new HashMap<>();
        for (Registered after : now.values()) {
            if (match.containsKey(after.urn())) {
                continue;
            }
            aliasesOf(after, now, aliases).stream()
                    .filter(old::containsKey)
                    .filter(u -> !taken.contains(u))
                    .findFirst()
                    .ifPresent(u -> {
                        match.put(after.urn(), u);
                        taken.add(u);
                    });
        }
        return match;
    }

    /**
     * A resource's own aliases, and, as Pulumi derives them, the URN it had under each alias of its
     * parent (a renamed or re-typed component carries its children along).
     */
    static List<String> aliasesOf(Registered resource, Map<String, Registered> byUrn, Map<String, List<String>> memo) {
        List<String> known = memo.get(resource.urn());
        if (known != null) {
            return known;
        }
        Set<String> all = new LinkedHashSet<>(resource.aliasUrns());
        Registered parent = byUrn.get(resource.parentUrn());
        if (parent != null) {
            String prefix = resource.urn()
                    .substring(0, resource.urn().indexOf("::", resource.urn().indexOf("::") + 2) + 2);
            for (String parentAlias : aliasesOf(parent, byUrn, memo)) {
                // As the engine does: a child named after its parent was named after the parent's old name.
                String parentOldName = parentAlias.substring(parentAlias.lastIndexOf("::") + 2);
                String name = resource.name().startsWith(parent.name())
                        ? parentOldName
                                + resource.name().substring(parent.name().length())
                        : resource.name();
                all.add(prefix + RecordingMonitor.childType(parentAlias, resource.type()) + "::" + name);
            }
        }
        List<String> result = List.copyOf(all);
        memo.put(resource.urn(), result);
        return result;
    }

    /** A provider whose region changes moves everything it manages: Pulumi replaces each of them. */
    private static void replaceWithRelocatedProviders(Map<String, Pending> pending) {
        Set<String> moved = providersWhoseInputChanged(pending, "region");
        pending.values().stream()
                .filter(p -> moved.contains(p.after.providerName()))
                .forEach(p -> p.replaceBecause("its provider " + p.after.providerName() + " changes region"));
    }

    /** New default tags on a provider update the tags of every taggable resource it manages. */
    private static void retagWithProviders(Map<String, Pending> pending) {
        Set<String> retagged = providersWhoseInputChanged(pending, "defaultTags");
        pending.values().stream()
                .filter(p -> retagged.contains(p.after.providerName()) && taggable(p.after.type()))
                .forEach(p -> p.inputs.putIfAbsent(
                        "tagsAll",
                        new InputChange(
                                "tagsAll",
                                "(provider default tags)",
                                "(the provider's new default tags)",
                                false,
                                false,
                                List.of())));
    }

    private static Set<String> providersWhoseInputChanged(Map<String, Pending> pending, String input) {
        Set<String> names = new TreeSet<>();
        pending.values().stream()
                .filter(p -> p.after.type().equals(PlanRun.PROVIDER_TYPE))
                .filter(p -> !Objects.equals(
                        p.before.inputs().get(input), p.after.inputs().get(input)))
                .forEach(p -> names.add(p.after.name()));
        return names;
    }

    private static final Map<String, Boolean> TAGGABLE = new ConcurrentHashMap<>();

    /** Whether the type takes tags: its Java args have a {@code tags} input. */
    static boolean taggable(String type) {
        return TAGGABLE.computeIfAbsent(
                type,
                t -> Registered.argsClass(t)
                        .map(args -> java.util.Arrays.stream(args.getMethods())
                                .anyMatch(m -> m.getName().equals("tags")))
                        .orElse(false));
    }

    /**
     * Created and replaced resources have unknown outputs until they exist; every input that depends
     * on one changes, which can replace its resource and so on, until nothing more changes.
     */
    private static void propagate(Map<String, Pending> pending, Map<String, String> created, ReplacementRules rules) {
        Map<String, String> labels = new HashMap<>();
        created.forEach((urn, label) -> labels.put(urn, label + ", which is created"));
        Set<String> sources = new TreeSet<>(created.keySet());
        Set<String> done = new TreeSet<>();
        boolean more = true;
        while (more) {
            more = false;
            pending.values().stream().filter(Pending::replaced).forEach(p -> {
                sources.add(p.after.urn());
                labels.putIfAbsent(p.after.urn(), p.label() + ", which is replaced");
            });
            for (Pending dependent : pending.values()) {
                for (Map.Entry<String, List<String>> input :
                        dependent.after.propertyDependencies().entrySet()) {
                    String key = input.getKey();
                    String seen = dependent.after.urn() + "#" + key;
                    if (done.contains(seen) || dependent.after.ignoreChanges().contains(key)) {
                        continue;
                    }
                    List<String> from =
                            input.getValue().stream().filter(sources::contains).toList();
                    if (from.isEmpty()) {
                        continue;
                    }
                    done.add(seen);
                    boolean wasReplaced = dependent.replaced;
                    dependent.dependsOnReplaced(key, labels.get(from.get(0)), rules);
                    more = more || (dependent.replaced && !wasReplaced);
                }
            }
        }
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
        return value instanceof String s ? s : Json.compact(value);
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
                    p.replaceIfAsked(key);
                }
            }
            if (!Objects.equals(before.providerName(), after.providerName())) {
                p.replaceBecause(
                        "its provider changes (" + before.providerName() + " -> " + after.providerName() + ")");
            }
            return p;
        }

        void dependsOnReplaced(String key, String source, ReplacementRules rules) {
            List<ReplacementRules.Rule> hit = rules.triggered(after.type(), key, before.inputs(), after.inputs(), true);
            record(key, hit, true);
            if (!hit.isEmpty()) {
                reasons.add(key + " comes from " + source);
            }
            replaceIfAsked(key);
        }

        /** The program's own {@code replaceOnChanges} option replaces the resource whatever the provider says. */
        void replaceIfAsked(String key) {
            if (after.replaceOnChanges().contains(key)
                    || after.replaceOnChanges().contains("*")) {
                replaceBecause(key + " changes and the program asks for replacement on it (replaceOnChanges)");
            }
        }

        void replaceBecause(String reason) {
            replaced = true;
            reasons.add(reason);
        }

        private void record(String key, List<ReplacementRules.Rule> hit, boolean fromReplaced) {
            boolean secret =
                    before.secretInputs().contains(key) || after.secretInputs().contains(key);
            InputChange existing = inputs.get(key);
            String shownBefore = secret ? "[secret]" : shown(before.inputs().get(key));
            String shownAfter = fromReplaced
                    ? "(known after the replacement)"
                    : secret ? "[secret]" : shown(after.inputs().get(key));
            boolean forces = !hit.isEmpty() || (existing != null && existing.forcesReplacement());
            List<String> sources = new ArrayList<>(existing == null ? List.of() : existing.sources());
            hit.stream()
                    .map(r -> r.path() + ": " + r.source())
                    .filter(s -> !sources.contains(s))
                    .forEach(sources::add);
            inputs.put(key, new InputChange(key, shownBefore, shownAfter, forces, fromReplaced, List.copyOf(sources)));
            if (!hit.isEmpty()) {
                if (!fromReplaced) {
                    hit.stream()
                            .map(ReplacementRules.Rule::path)
                            .distinct()
                            .forEach(path -> reasons.add(path + " forces a new resource"));
                }
                replaced = true;
            }
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
            List<String> why = new ArrayList<>(new LinkedHashSet<>(reasons));
            boolean deleteFirst = replaced
                    && (after.deleteBeforeReplace()
                            || after.inputs().get(NAME_INPUT.getOrDefault(after.type(), "name")) != null);
            if (replaced && before.protect()) {
                why.add("protected: pulumi up stops here until it is unprotected");
            }
            return new Change(
                    after.urn(),
                    after.type(),
                    after.name(),
                    component,
                    replaced ? Action.REPLACE : Action.UPDATE,
                    List.copyOf(inputs.values()),
                    List.copyOf(why),
                    stateful,
                    deleteFirst,
                    before.protect(),
                    after.retainOnDelete());
        }
    }
}
