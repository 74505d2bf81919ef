package com.storefront.plan;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import pulumirpc.AliasOuterClass;
import pulumirpc.Resource.RegisterResourceRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A mock monitor that keeps every registration request, so tests can assert parents, providers
 * and resource options (protect, ignoreChanges, dependsOn) as well as inputs.
 */
public final class RecordingMonitor extends MockMonitor {

    /** The key Pulumi's wire format uses to mark a secret value. */
    private static final String SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

    private final List<Registered> registered = new ArrayList<>();
    private final Mocks mocks;

    public RecordingMonitor(Mocks mocks) {
        super(mocks, PulumiTestInternal.mockLog());
        this.mocks = mocks;
    }

    @Override
    public CompletableFuture<pulumirpc.Resource.RegisterResourceResponse> registerResourceAsync(
            Resource resource, RegisterResourceRequest request) {
        if (mocks instanceof PlanMocks plan && !request.getParent().isEmpty()) {
            // The URN this engine gives the resource: its parent's project and stack, the type chain, the name.
            String[] parent = request.getParent().split("::");
            String urn = parent[0] + "::" + parent[1] + "::" + childType(request.getParent(), request.getType()) + "::"
                    + request.getName();
            plan.register(urn, aliasUrns(request, urn), request.getType(), request.getName(), formerName(request));
        }
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            synchronized (registered) {
                registered.add(new Registered(
                        request.getType(),
                        request.getName(),
                        response.getUrn(),
                        response.getId(),
                        request.getParent(),
                        request.getCustom(),
                        request.getProvider(),
                        toMap(request.getObject()),
                        secretProperties(request.getObject()),
                        request.getProtect(),
                        List.copyOf(request.getIgnoreChangesList()),
                        List.copyOf(request.getDependenciesList()),
                        request.getRetainOnDelete(),
                        request.getDeleteBeforeReplace(),
                        aliasUrns(request, response.getUrn()),
                        toMap(response.getObject()),
                        propertyDependencies(request),
                        List.copyOf(request.getReplaceOnChangesList())));
            }
            return response;
        });
    }

    /**
     * The URNs a resource's aliases stand for, in the form this mock engine writes URNs (the root
     * stack's type heads the type chain of everything below it). The SDK sends alias specs (the mock
     * monitor supports them): each names what differs from the resource (name, type, parent, stack,
     * project), the rest is the resource's.
     */
    static List<String> aliasUrns(RegisterResourceRequest request, String urn) {
        List<String> urns = new ArrayList<>(request.getAliasURNsList());
        String[] parts = urn.split("::");
        String stack = parts[0].substring("urn:pulumi:".length());
        String project = parts[1];
        for (AliasOuterClass.Alias alias : request.getAliasesList()) {
            if (alias.hasSpec()) {
                AliasOuterClass.Alias.Spec spec = alias.getSpec();
                String name = spec.getName().isEmpty() ? request.getName() : spec.getName();
                String type = spec.getType().isEmpty() ? request.getType() : spec.getType();
                String parent = spec.getNoParent()
                        ? rootOf(request.getParent(), urn)
                        : spec.getParentUrn().isEmpty() ? request.getParent() : spec.getParentUrn();
                urns.add("urn:pulumi:" + (spec.getStack().isEmpty() ? stack : spec.getStack()) + "::"
                        + (spec.getProject().isEmpty() ? project : spec.getProject()) + "::"
                        + childType(parent, type) + "::" + name);
            } else if (!alias.getUrn().isEmpty()) {
                urns.add(alias.getUrn());
            }
        }
        return List.copyOf(urns);
    }

    /**
     * The name a renamed resource had before (its first alias that names one). A real engine carries the
     * resource's cloud id over to the new name; the mocks derive ids from names, so they are told the old one.
     */
    private static java.util.Optional<String> formerName(RegisterResourceRequest request) {
        return request.getAliasesList().stream()
                .filter(AliasOuterClass.Alias::hasSpec)
                .map(alias -> alias.getSpec().getName())
                .filter(name -> !name.isEmpty() && !name.equals(request.getName()))
                .findFirst();
    }

    /** A child's URN type: its parent's type chain and its own, joined by '$'. */
    public static String childType(String parentUrn, String type) {
        if (parentUrn == null || parentUrn.isEmpty()) {
            return type;
        }
        String[] parts = parentUrn.split("::");
        return parts[parts.length - 2] + "$" + type;
    }

    /** "No parent" in this engine means the root stack, which every top-level resource hangs under. */
    private static String rootOf(String parentUrn, String urn) {
        String[] parts = (parentUrn.isEmpty() ? urn : parentUrn).split("::");
        String chain = parts[parts.length - 2];
        String root = chain.contains("$") ? chain.substring(0, chain.indexOf('$')) : chain;
        return root.equals(ROOT_TYPE) ? parts[0] + "::" + parts[1] + "::" + ROOT_TYPE + "::root" : "";
    }

    private static final String ROOT_TYPE = "pulumi:pulumi:Stack";

    private static Map<String, List<String>> propertyDependencies(RegisterResourceRequest request) {
        Map<String, List<String>> dependencies = new java.util.TreeMap<>();
        request.getPropertyDependenciesMap()
                .forEach((key, value) -> dependencies.put(key, List.copyOf(value.getUrnsList())));
        return dependencies;
    }

    public List<Registered> registered() {
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }

    /** Top-level input properties whose value is, or contains, a Pulumi secret. */
    private static java.util.Set<String> secretProperties(Struct struct) {
        java.util.Set<String> secrets = new java.util.TreeSet<>();
        struct.getFieldsMap().forEach((k, v) -> {
            if (containsSecret(v)) {
                secrets.add(k);
            }
        });
        return secrets;
    }

    private static boolean containsSecret(Value value) {
        return switch (value.getKindCase()) {
            case STRUCT_VALUE ->
                value.getStructValue().getFieldsMap().containsKey(SECRET_SIGNATURE)
                        || value.getStructValue().getFieldsMap().values().stream()
                                .anyMatch(RecordingMonitor::containsSecret);
            case LIST_VALUE -> value.getListValue().getValuesList().stream().anyMatch(RecordingMonitor::containsSecret);
            default -> false;
        };
    }

    private static Map<String, Object> toMap(Struct struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((k, v) -> map.put(k, toJava(v)));
        return map;
    }

    private static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case NUMBER_VALUE -> value.getNumberValue();
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case STRUCT_VALUE -> secretOrMap(value.getStructValue());
            case LIST_VALUE -> toList(value.getListValue());
        };
    }

    /** Secrets arrive wrapped in a signature struct; unwrap them to their value for assertions. */
    private static Object secretOrMap(Struct struct) {
        Map<String, Value> fields = struct.getFieldsMap();
        Value signature = fields.get(SECRET_SIGNATURE);
        if (signature != null && fields.containsKey("value")) {
            return toJava(fields.get("value"));
        }
        return toMap(struct);
    }

    private static List<Object> toList(ListValue list) {
        List<Object> values = new ArrayList<>();
        list.getValuesList().forEach(v -> values.add(toJava(v)));
        return values;
    }
}
