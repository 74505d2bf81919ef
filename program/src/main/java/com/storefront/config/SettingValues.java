package com.storefront.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The values read from one config section, by setting name, and the record built from them by name:
 * each record component takes the value of the setting (or derived value) with its name, so two
 * settings of the same type cannot be swapped by position. A component without a value, or a value
 * no component takes, fails loudly (every configuration the tests load builds every record).
 */
public final class SettingValues {

    private final ConfigSection section;
    private final Environment environment;
    private final Map<String, Object> values = new LinkedHashMap<>();

    public SettingValues(ConfigSection section, Environment environment) {
        this.section = section;
        this.environment = environment;
    }

    public ConfigSection section() {
        return section;
    }

    public ConfigProblems problems() {
        return section.problems();
    }

    public String key(Setting<?> setting) {
        return section.key(setting.name());
    }

    /** Reads {@code setting} from the section and keeps its value for {@link #build}. */
    public <T> T read(Setting<T> setting) {
        T value = setting.read(section, environment);
        values.put(setting.name(), value);
        return value;
    }

    /** The value of {@code setting} as the user typed it (for cross-setting messages), or "(not set)". */
    public String shown(Setting<?> setting) {
        return section.raw(setting.name()).map(ConfigSection::display).orElse("(not set)");
    }

    /** Reads every setting of {@code group} (a section whose record takes them as they are). */
    public SettingValues readAll(SettingGroup group) {
        group.settings().forEach(this::read);
        return this;
    }

    /** A value the section's reader derived or corrected (e.g. resolved subnet blocks), by component name. */
    public SettingValues put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** Keeps a setting out of the record (read for validation or by another part of the program). */
    public SettingValues drop(Setting<?> setting) {
        values.remove(setting.name());
        return this;
    }

    public <R extends Record> R build(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        TreeSet<String> unused = new TreeSet<>(values.keySet());
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            if (!values.containsKey(name)) {
                throw new IllegalStateException(type.getSimpleName() + "." + name + " has no setting or derived value");
            }
            arguments[i] = values.get(name);
            unused.remove(name);
        }
        if (!unused.isEmpty()) {
            throw new IllegalStateException(type.getSimpleName() + " has no component for " + unused);
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName() + " from " + values.keySet(), e);
        }
    }
}
