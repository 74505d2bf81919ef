package com.storefront.core;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The base of every storefront component: a {@code ComponentResource} with a {@code storefront:<package>:<Type>}
 * token whose children are parented to it (and so use its providers) and named after it.
 *
 * <p>Pulumi puts the parent's type in a child's URN but not the parent's name, so two components of one type
 * would give their children the same URNs. Children are therefore named {@code <component>-<what>}. Stacks
 * deployed before that naming know most of them by a shorter name; a child named with {@link #name} or
 * {@link #renamed} carries that former name as an alias, so Pulumi moves it to its new URN instead of
 * replacing it. The aliases can go once every stack has run {@code pulumi up} with this naming.
 */
public abstract class StackComponent extends ComponentResource {

    static final String SEPARATOR = "-";

    private final Map<String, Alias> formerNames = new ConcurrentHashMap<>();
    private final Map<String, String> formerSiblingNames = new ConcurrentHashMap<>();
    private final Set<String> childNames = ConcurrentHashMap.newKeySet();

    protected StackComponent(String type, String name, ComponentResourceOptions options) {
        this(type, name, options, new AtomicReference<>());
    }

    private StackComponent(
            String type, String name, ComponentResourceOptions options, AtomicReference<StackComponent> self) {
        super(type, name, withFormerChildNames(options, self));
        self.set(this);
    }

    /**
     * The logical name of the child {@code what}: {@code <component>-<what>}, which answers to {@code what}, its
     * name before children were prefixed. A {@code what} that already starts with the component's name (a
     * child that was named after its component from the start) is used as it is.
     */
    protected final String name(String what) {
        String prefix = pulumiResourceName() + SEPARATOR;
        if (what.startsWith(prefix)) {
            return claim(what, Optional.empty());
        }
        return movedFrom(what).map(former -> renamed(what, former)).orElseGet(() -> renamed(what, what));
    }

    /**
     * Where a child named {@code what} lived before this component existed, for a component that took over
     * resources another one built (the alias then names that parent). Empty: it was {@code what} under this
     * component. Called while the subclass is being built, so it may read only fields set before its first
     * child.
     */
    protected Optional<Alias> movedFrom(String what) {
        return Optional.empty();
    }

    /** {@code <component>-<what>} for a child that was called {@code formerName} under this component. */
    protected final String renamed(String what, String formerName) {
        String childName = pulumiResourceName() + SEPARATOR + what;
        if (formerName.equals(childName)) {
            return claim(childName, Optional.empty());
        }
        rememberFormerName(formerName, childName);
        return claim(childName, Optional.of(Alias.builder().name(formerName).build()));
    }

    /** {@code <component>-<what>} for a child that was known by {@code former} (another name, another parent). */
    protected final String renamed(String what, Alias former) {
        return claim(pulumiResourceName() + SEPARATOR + what, Optional.of(former));
    }

    /**
     * The alias of a resource that was this component's child {@code formerName} and now lives elsewhere (as
     * {@code movedTo}, e.g. under a nested component that took it over). This component remembers the name:
     * a new child of its own on it would take over the moved resource's state, so that fails like a clash
     * between two of its children.
     */
    public final Alias formerChildAlias(String formerName, String movedTo) {
        rememberFormerName(formerName, movedTo);
        // parent before name: Alias.Builder.parent() wrongly refuses a builder whose name is already set.
        return Alias.builder().parent(this).name(formerName).build();
    }

    /**
     * Two children on one name would share a URN; a former name that is now another child's would move that
     * child's state onto this one. Both are caught while the program runs, before anything deploys, whichever
     * of the two names comes first (here for the former name, in {@link #claim} for the child's).
     */
    private void rememberFormerName(String formerName, String movedTo) {
        formerSiblingNames.put(formerName, movedTo);
        if (childNames.contains(formerName)) {
            throw formerNameTaken(formerName);
        }
    }

    private String claim(String childName, Optional<Alias> former) {
        if (!childNames.add(childName)) {
            throw new IllegalStateException(pulumiResourceName() + ": two children named " + childName);
        }
        if (formerSiblingNames.containsKey(childName)) {
            throw formerNameTaken(childName);
        }
        former.ifPresent(alias -> formerNames.put(childName, alias));
        return childName;
    }

    private IllegalStateException formerNameTaken(String formerName) {
        return new IllegalStateException(pulumiResourceName() + ": the former name " + formerName + " of "
                + formerSiblingNames.get(formerName) + " is the name of another child");
    }

    /** Options for a child resource: parented to this component. */
    protected final CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** Options for an invoke made for this component (its provider, its region). */
    protected final InvokeOptions invokeOptions() {
        return InvokeOptions.builder().parent(this).build();
    }

    private static ComponentResourceOptions withFormerChildNames(
            ComponentResourceOptions options, AtomicReference<StackComponent> self) {
        ResourceTransformation formerName = args -> formerName(args, self.get());
        return ComponentResourceOptions.merge(
                options,
                ComponentResourceOptions.builder()
                        .resourceTransformations(formerName)
                        .build());
    }

    /** A direct child with a recorded former name gets it as an alias. */
    private static Optional<ResourceTransformation.Result> formerName(
            ResourceTransformation.Args args, StackComponent component) {
        boolean directChild = component != null
                && args.options().getParent().filter(p -> p == component).isPresent();
        Alias former = directChild ? component.formerNames.get(args.resource().pulumiResourceName()) : null;
        if (former == null) {
            return Optional.empty();
        }
        // merge() appends to the aliases the child already declares.
        List<Output<Alias>> aliases = List.of(Output.of(former));
        return Optional.of(new ResourceTransformation.Result(args.args(), withAliases(args.options(), aliases)));
    }

    private static ResourceOptions withAliases(ResourceOptions options, List<Output<Alias>> aliases) {
        if (options instanceof CustomResourceOptions custom) {
            return CustomResourceOptions.merge(
                    custom, CustomResourceOptions.builder().aliases(aliases).build());
        }
        return ComponentResourceOptions.merge(
                (ComponentResourceOptions) options,
                ComponentResourceOptions.builder().aliases(aliases).build());
    }
}
