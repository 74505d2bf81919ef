package com.storefront.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum whose constants are spelled in stack config by {@link #configValue()}. */
public interface ConfigEnum {

    String configValue();

    static <E extends Enum<E> & ConfigEnum> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(ConfigEnum::configValue)
                .collect(Collectors.joining(", "));
    }
}
