package com.storefront.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Container image references as Docker and ECS parse them (the distribution/reference grammar):
 * {@code [registry[:port]/]path[:tag][@digest]}. Path components are lowercase; the registry host
 * and the tag may contain uppercase letters. The stack additionally requires a tag or a digest, so
 * that the same stack config always names the same image. {@code scripts/deploy-image.sh} carries
 * the same grammar; {@code ImageReferenceTest} runs one list of cases through both.
 */
public final class ImageReference {

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile(
            "^(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
    /** Docker's limit on the name part (registry and path, without tag or digest). */
    static final int MAX_NAME_LENGTH = 255;

    public static final String RULE = "an image reference [registry[:port]/]path:tag or path@sha256:<digest> "
            + "(path lowercase; tag up to 128 letters, digits, '_', '.', '-', not starting with '.' or '-')";

    private ImageReference() {
    }

    /** Why a reference is not acceptable as the stack's image, or empty when it is. */
    public static Optional<String> problem(String reference) {
        var matcher = REFERENCE.matcher(reference);
        if (!matcher.matches()) {
            return Optional.of("must be " + RULE);
        }
        if (matcher.group(1).length() > MAX_NAME_LENGTH) {
            return Optional.of("has a name longer than " + MAX_NAME_LENGTH + " characters (Docker's limit)");
        }
        if (matcher.group(2) == null && matcher.group(3) == null) {
            return Optional.of("has no tag or digest; name one (e.g. :1.4.2) so the stack config pins the image");
        }
        return Optional.empty();
    }
}
