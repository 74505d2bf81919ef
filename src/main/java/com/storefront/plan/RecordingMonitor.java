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

    public RecordingMonitor(Mocks mocks) {
        super(mocks, PulumiTestInternal.mockLog());
    }

    @Override
    public CompletableFuture<pulumirpc.Resource.RegisterResourceResponse> registerResourceAsync(
            Resource resource, RegisterResourceRequest request) {
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
                        toMap(response.getObject())));
            }
            return response;
        });
    }

    /**
     * The URNs a resource's aliases stand for. The SDK sends alias specs (the mock monitor supports
     * them): each names what differs from the resource (name, type, parent), the rest is the resource's.
     */
    static List<String> aliasUrns(RegisterResourceRequest request, String urn) {
        List<String> urns = new ArrayList<>(request.getAliasURNsList());
        String prefix = urn.substring(0, urn.indexOf("::", urn.indexOf("::") + 2) + 2);
        for (AliasOuterClass.Alias alias : request.getAliasesList()) {
            if (alias.hasSpec()) {
                AliasOuterClass.Alias.Spec spec = alias.getSpec();
                String name = spec.getName().isEmpty() ? request.getName() : spec.getName();
                String type = spec.getType().isEmpty() ? request.getType() : spec.getType();
                String parent = spec.getNoParent() ? "" : spec.getParentUrn().isEmpty() ? request.getParent() : spec.getParentUrn();
                urns.add(prefix + qualifiedType(parent, type) + "::" + name);
            } else if (!alias.getUrn().isEmpty()) {
                urns.add(alias.getUrn());
            }
        }
        return List.copyOf(urns);
    }

    /** A child's URN type is its parent's type and its own, joined by '$' (none below the stack). */
    private static String qualifiedType(String parentUrn, String type) {
        if (parentUrn.isEmpty()) {
            return type;
        }
        String[] parts = parentUrn.split("::");
        String parentType = parts[parts.length - 2];
        return parentType.endsWith("pulumi:pulumi:Stack") ? type : parentType + "$" + type;
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
            case STRUCT_VALUE -> value.getStructValue().getFieldsMap().containsKey(SECRET_SIGNATURE)
                    || value.getStructValue().getFieldsMap().values().stream().anyMatch(RecordingMonitor::containsSecret);
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
