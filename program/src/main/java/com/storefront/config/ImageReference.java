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
    /** The algorithms registries use, with go-digest's exact encodings (lowercase hex of the full length). */
    private static final String DIGEST = "(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})";

    private static final Pattern REFERENCE =
            Pattern.compile("^(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
    /** ECS's limit on a container definition's {@code image}, which also bounds Docker's name limit. */
    static final int MAX_LENGTH = 255;

    public static final String RULE = "an image reference [registry[:port]/]path:tag or path@sha256:<64 hex> "
            + "(path lowercase; tag up to 128 letters, digits, '_', '.', '-', not starting with '.' or '-')";

    private ImageReference() {}

    /** Why a reference is not acceptable as the stack's image, or empty when it is. */
    public static Optional<String> problem(String reference) {
        var matcher = REFERENCE.matcher(reference);
        if (!matcher.matches()) {
            return Optional.of("must be " + RULE);
        }
        if (reference.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters (ECS's limit)");
        }
        if (matcher.group(2) == null && matcher.group(3) == null) {
            return Optional.of("has no tag or digest; name one (e.g. :1.4.2) so the stack config pins the image");
        }
        if ("latest".equals(matcher.group(2)) && matcher.group(3) == null) {
            return Optional.of("uses the moving tag 'latest'; name a build's own tag or a digest");
        }
        return Optional.empty();
    }
}
