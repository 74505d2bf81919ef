package com.storefront.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static com.storefront.config.ConfigFixtures.load;
import static com.storefront.config.ConfigFixtures.minimal;
import static com.storefront.config.ConfigFixtures.onlyProblem;
import static com.storefront.config.ConfigFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defaults per environment and one test per validation rule (CFG-2). */
class SettingsLoaderTest {

    private static ConfigValidationException invalid(Map<String, String> config) {
        return assertThrows(ConfigValidationException.class, () -> load(config));
    }

    @Test
    void devDefaultsAreCheapAndDestroyable() {
        StackSettings s = load(minimal());
        assertEquals(Environment.DEV, s.environment());
        assertFalse(s.protect());
        assertEquals(14, s.logRetentionDays());
        assertEquals(2, s.network().azCount());
        assertEquals(NatStrategy.SINGLE, s.network().natStrategy());
        assertFalse(s.network().interfaceEndpoints());
        assertEquals("10.0.0.0/16", s.network().vpcCidr());
        assertFalse(s.dr().enabled());
        assertEquals(new TagSettings("dev", "storefront", "platform-team"), s.tags());
    }

    @Test
    void prodDefaultsBuyAvailabilityAndProtection() {
        StackSettings s = load(with(
                minimal(),
                "storefront:environment",
                "prod",
                "aws:region",
                "us-east-2",
                "storefront:dr",
                "{\"region\":\"us-west-2\"}",
                "storefront:deployment",
                "{\"liveTargetGroup\":\"blue\"}",
                "storefront:api",
                ConfigFixtures.API_WITH_ROLE));
        assertTrue(s.protect());
        assertEquals(30, s.logRetentionDays());
        assertEquals(3, s.network().azCount());
        assertEquals(NatStrategy.PER_AZ, s.network().natStrategy());
        assertTrue(s.network().interfaceEndpoints());
        assertTrue(s.dr().enabled());
        assertEquals("us-west-2", s.dr().region());
    }

    @Test
    void subnetCidrsAreDerivedDeterministicallyPerTierAndAz() {
        NetworkSettings n =
                load(with(minimal(), "storefront:network", "{\"azCount\":3}")).network();
        assertEquals(List.of("10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"), n.subnetCidrs(SubnetTier.PUBLIC));
        assertEquals(List.of("10.0.64.0/20", "10.0.80.0/20", "10.0.96.0/20"), n.subnetCidrs(SubnetTier.APP));
        assertEquals(List.of("10.0.128.0/20", "10.0.144.0/20", "10.0.160.0/20"), n.subnetCidrs(SubnetTier.DATA));
    }

    @Test
    void explicitSubnetCidrsAreUsedAsGiven() {
        NetworkSettings n = load(with(
                        minimal(),
                        "storefront:network",
                        "{\"subnetCidrs\":{\"public\":[\"10.0.1.0/24\",\"10.0.2.0/24\"],\"app\":\"10.0.64.0/20, 10.0.80.0/20\"}}"))
                .network();
        assertEquals(List.of("10.0.1.0/24", "10.0.2.0/24"), n.subnetCidrs(SubnetTier.PUBLIC));
        assertEquals(List.of("10.0.64.0/20", "10.0.80.0/20"), n.subnetCidrs(SubnetTier.APP));
        assertEquals(List.of("10.0.128.0/20", "10.0.144.0/20"), n.subnetCidrs(SubnetTier.DATA));
    }

    @Test
    void suffixIsRequired() {
        onlyProblem(
                with(minimal(), "storefront:environmentSuffix", null), "storefront:environmentSuffix", "is required");
    }

    /** The message names the rule that failed, not the whole rule set. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "Dev|must be lowercase",
                "dev_1|contains '_'",
                "-dev|must not start or end",
                "dev-|must not start or end",
                "de--v|two in a row",
                "abcdefghijklm|is 13 characters; at most 12",
                "dev 1|contains ' '"
            })
    void suffixMustBeLowercaseShortAndHyphenSafe(String suffix, String rule) {
        ConfigProblems.Problem p = onlyProblem(
                with(minimal(), "storefront:environmentSuffix", suffix), "storefront:environmentSuffix", rule);
        assertEquals("'" + suffix + "'", p.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "pr-1234", "abcdefghijkl"})
    void acceptedSuffixes(String suffix) {
        assertEquals(
                suffix,
                load(with(minimal(), "storefront:environmentSuffix", suffix)).suffix());
    }

    @Test
    void environmentMustBeDevOrProd() {
        onlyProblem(with(minimal(), "storefront:environment", "staging"), "storefront:environment", "dev, prod");
    }

    @Test
    void ownerIsRequired() {
        onlyProblem(with(minimal(), "storefront:owner", null), "storefront:owner", "is required");
    }

    @Test
    void tagValuesFollowAwsCharacterRules() {
        onlyProblem(with(minimal(), "storefront:project", "store*front"), "storefront:project", "AWS tag value rules");
    }

    @Test
    void regionIsRequiredAndWellFormed() {
        onlyProblem(
                with(minimal(), "aws:region", null), "aws:region", "is required; a commercial-partition AWS region");
        onlyProblem(with(minimal(), "aws:region", "uswest2"), "aws:region", "did you mean us-west-2?");
        onlyProblem(with(minimal(), "aws:region", "us-moon-1"), "aws:region", "regions.tsv, checked 2026-12-01");
    }

    @Test
    void onlyCommercialRegions() {
        onlyProblem(with(minimal(), "aws:region", "cn-north-1"), "aws:region", "commercial partition");
        onlyProblem(with(minimal(), "aws:region", "us-gov-west-1"), "aws:region", "commercial partition");
    }

    @Test
    void allowedAccountIdsAreTwelveDigits() {
        onlyProblem(
                with(minimal(), "storefront:allowedAccountIds", "[\"12345\"]"),
                "storefront:allowedAccountIds",
                "12-digit");
        assertEquals(
                List.of("123456789012"),
                load(with(minimal(), "storefront:allowedAccountIds", "123456789012"))
                        .account()
                        .allowedAccountIds());
    }

    @Test
    void protectMustBeBoolean() {
        onlyProblem(with(minimal(), "storefront:protect", "yes"), "storefront:protect", "true or false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10", "4000", "abc"})
    void logRetentionMustBeAValueCloudWatchAccepts(String days) {
        onlyProblem(with(minimal(), "storefront:logRetentionDays", days), "storefront:logRetentionDays", "");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 5})
    void azCountIsTwoOrThree(int count) {
        onlyProblem(
                with(minimal(), "storefront:network", "{\"azCount\":" + count + "}"),
                "storefront:network.azCount",
                "from 2 to 3");
    }

    @Test
    void natStrategyIsOneOfThree() {
        onlyProblem(
                with(minimal(), "storefront:network", "{\"natStrategy\":\"perAZ\"}"),
                "storefront:network.natStrategy",
                "none, single, perAz");
    }

    @Test
    void noNatRequiresInterfaceEndpoints() {
        Map<String, String> privateImage = with(
                minimal(), "storefront:service", "{\"image\":\"123456789012.dkr.ecr.us-west-2.amazonaws.com/api:1\"}");
        onlyProblem(
                with(privateImage, "storefront:network", "{\"natStrategy\":\"none\"}"),
                "storefront:network.natStrategy",
                "interfaceEndpoints");
        assertEquals(
                NatStrategy.NONE,
                load(with(privateImage, "storefront:network", "{\"natStrategy\":\"none\",\"interfaceEndpoints\":true}"))
                        .network()
                        .natStrategy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.1/16", "300.0.0.0/16", "10.0.0.0/8", "10.0.0.0/26"})
    void vpcCidrMustBeAValidBlockOfUsableSize(String cidr) {
        onlyProblem(
                with(minimal(), "storefront:network", "{\"vpcCidr\":\"" + cidr + "\"}"),
                "storefront:network.vpcCidr",
                "/16 to /24");
    }

    @Test
    void explicitSubnetsNeedOneBlockPerAz() {
        onlyProblem(
                with(minimal(), "storefront:network", "{\"subnetCidrs\":{\"public\":[\"10.0.1.0/24\"]}}"),
                "storefront:network.subnetCidrs.public",
                "exactly azCount (2)");
    }

    @Test
    void explicitSubnetsMustBeValidCidrs() {
        onlyProblem(
                with(
                        minimal(),
                        "storefront:network",
                        "{\"subnetCidrs\":{\"public\":[\"10.0.1.0/24\",\"10.0.2.1/24\"]}}"),
                "storefront:network.subnetCidrs.public",
                "no host bits set");
    }

    @Test
    void explicitSubnetsMustLieInsideTheVpc() {
        onlyProblem(
                with(
                        minimal(),
                        "storefront:network",
                        "{\"subnetCidrs\":{\"public\":[\"10.0.1.0/24\",\"10.1.2.0/24\"]}}"),
                "storefront:network.subnetCidrs.public",
                "inside the VPC CIDR 10.0.0.0/16");
    }

    @Test
    void subnetBlocksMustNotOverlap() {
        ConfigProblems.Problem p = onlyProblem(
                with(
                        minimal(),
                        "storefront:network",
                        "{\"subnetCidrs\":{\"public\":[\"10.0.1.0/24\",\"10.0.1.128/25\"]}}"),
                "storefront:network.subnetCidrs.public",
                "must not overlap");
        assertEquals("'10.0.1.128/25'", p.value());
    }

    @Test
    void explicitBlocksMustNotOverlapDerivedOnes() {
        onlyProblem(
                with(
                        minimal(),
                        "storefront:network",
                        "{\"subnetCidrs\":{\"public\":[\"10.0.64.0/24\",\"10.0.1.0/24\"]}}"),
                "storefront:network.subnetCidrs.app (derived)",
                "overlaps 10.0.64.0/24");
    }

    @Test
    void unknownNestedKeysAreReportedAsTypos() {
        onlyProblem(
                with(minimal(), "storefront:network", "{\"azcount\":3}"),
                "storefront:network.azcount",
                "not a known setting");
    }

    @Test
    void sectionMustBeAnObject() {
        onlyProblem(with(minimal(), "storefront:network", "three-azs"), "storefront:network", "must be an object");
    }

    @Test
    void everyProblemIsReportedAtOnceWithKeyValueAndRule() {
        ConfigValidationException e = invalid(with(
                minimal(),
                "storefront:environmentSuffix",
                null,
                "storefront:logRetentionDays",
                "10",
                "storefront:network",
                "{\"azCount\":5,\"subnetCidrs\":{\"public\":[\"10.0.1.0/24\",\"10.0.1.0/25\"]}}"));
        List<String> keys =
                e.problems().stream().map(ConfigProblems.Problem::key).toList();
        assertEquals(
                List.of(
                        "storefront:environmentSuffix",
                        "storefront:logRetentionDays",
                        "storefront:network.azCount",
                        "storefront:network.subnetCidrs.public"),
                keys);
        assertTrue(e.getMessage().startsWith("Invalid stack configuration (4 problems)"), e.getMessage());
        assertTrue(
                e.getMessage().contains("storefront:network.azCount = '5': must be a whole number from 2 to 3"),
                e.getMessage());
    }

    /** CFG-5: the safe teardown by default for prod, force delete for dev, and no force delete of a protected stack. */
    @Test
    void teardownDefaultsAndRules() {
        assertEquals(Teardown.FORCE_DELETE, load(minimal()).teardown());
        assertEquals(Teardown.DECOMMISSION, load(ConfigFixtures.prodMinimal()).teardown());
        assertEquals(
                Teardown.DECOMMISSION,
                load(with(minimal(), "storefront:teardown", "decommission")).teardown());
        ConfigFixtures.onlyProblem(
                with(ConfigFixtures.prodMinimal(), "storefront:teardown", "forceDelete"),
                "storefront:teardown",
                "protect");
        ConfigFixtures.onlyProblem(
                with(minimal(), "storefront:teardown", "delete"), "storefront:teardown", "decommission, forceDelete");
        ConfigFixtures.onlyProblem(
                with(minimal(), "storefront:api", "{\"enabled\":true,\"manageAccountLogging\":true}"),
                "storefront:api.manageAccountLogging",
                "teardown forceDelete");
        assertTrue(load(with(
                        minimal(),
                        "storefront:teardown",
                        "decommission",
                        "storefront:api",
                        "{\"enabled\":true,\"manageAccountLogging\":true}"))
                .api()
                .manageAccountLogging());
    }

    /** CFG-4: the team's tag values and extra tags, each checked against AWS's tag rules. */
    @Test
    void ownTagValuesAndExtraTags() {
        TagSettings tags = load(with(
                        minimal(), "storefront:tags", "{\"Environment\":\"production\",\"CostCenter\":\"cc-1\"}"))
                .tags();
        assertEquals("production", tags.environment());
        assertEquals(Map.of("CostCenter", "cc-1"), tags.extra());
        assertEquals("dev", load(minimal()).tags().environment());
        onlyProblem(
                with(minimal(), "storefront:tags", "{\"ManagedBy\":\"me\"}"), "storefront:tags.ManagedBy", "reserved");
        onlyProblem(with(minimal(), "storefront:tags", "{\"aws:foo\":\"x\"}"), "storefront:tags.aws:foo", "reserved");
        onlyProblem(
                with(minimal(), "storefront:tags", "{\"Owner\":\"x\"}"), "storefront:tags.Owner", "storefront:owner");
        onlyProblem(
                with(minimal(), "storefront:tags", "{\"Cost#Center\":\"x\"}"),
                "storefront:tags.Cost#Center",
                "tag key");
        onlyProblem(
                with(minimal(), "storefront:tags", "{\"CostCenter\":\"a|b\"}"),
                "storefront:tags.CostCenter",
                "tag value");
        // IAM compares keys ignoring case: a key that repeats another but for case, or a reserved one, is refused.
        onlyProblem(
                with(minimal(), "storefront:tags", "{\"environment\":\"x\"}"),
                "storefront:tags.environment",
                "reserved");
        onlyProblem(
                with(minimal(), "storefront:tags", "{\"managedby\":\"x\"}"), "storefront:tags.managedby", "reserved");
        onlyProblem(with(minimal(), "storefront:tags", "{\"Name\":\"x\"}"), "storefront:tags.Name", "reserved");
        ConfigProblems.Problem twice = onlyProblem(
                with(minimal(), "storefront:tags", "{\"CostCenter\":\"a\",\"costcenter\":\"b\"}"),
                "storefront:tags.costcenter",
                "but for case");
        assertTrue(twice.allowed().contains("case-insensitively"));
    }

    /** NET-2: the layout and the zones, each mistake named. */
    @Test
    void layoutAndZonesRules() {
        assertEquals(
                NetworkLayout.TWO_TIER,
                load(with(minimal(), "storefront:network", "{\"layout\":\"twoTier\"}"))
                        .network()
                        .layout());
        assertEquals(
                List.of(),
                load(with(minimal(), "storefront:network", "{\"layout\":\"twoTier\"}"))
                        .network()
                        .subnetCidrs(SubnetTier.DATA));
        onlyProblem(
                with(
                        minimal(),
                        "storefront:network",
                        "{\"layout\":\"twoTier\",\"subnetCidrs\":{\"data\":"
                                + "[\"10.0.200.0/24\",\"10.0.201.0/24\"]}}"),
                "storefront:network.subnetCidrs.data",
                "twoTier");
        onlyProblem(
                with(minimal(), "storefront:network", "{\"layout\":\"flat\"}"),
                "storefront:network.layout",
                "threeTier, twoTier");
        onlyProblem(
                with(minimal(), "storefront:network", "{\"availabilityZones\":[\"us-west-2a\"]}"),
                "storefront:network.availabilityZones",
                "exactly azCount");
        onlyProblem(
                with(minimal(), "storefront:network", "{\"availabilityZones\":[\"us-west-2a\",\"us-west-2a\"]}"),
                "storefront:network.availabilityZones",
                "each zone once");
        onlyProblem(
                with(minimal(), "storefront:network", "{\"availabilityZones\":[\"us-west-2a\",\"us-east-1b\"]}"),
                "storefront:network.availabilityZones",
                "zone names of us-west-2");
    }

    /** CFG-2: an unknown nested key names the known key it most likely meant. */
    @Test
    void anUnknownKeyNamesTheClosestKnownOne() {
        ConfigProblems.Problem typo = onlyProblem(
                with(minimal(), "storefront:database", "{\"engineVersoin\":\"16.6\"}"),
                "storefront:database.engineVersoin",
                "did you mean storefront:database.engineVersion?");
        assertTrue(typo.allowed().contains("known settings here are"), typo.allowed());
        assertFalse(
                onlyProblem(
                                with(minimal(), "storefront:cache", "{\"colour\":\"blue\"}"),
                                "storefront:cache.colour",
                                "not a known setting")
                        .allowed()
                        .contains("did you mean"),
                "nothing near enough: no guess");
        assertEquals(
                java.util.Optional.of("minAcu"), ConfigSection.closest("minACU", java.util.Set.of("minAcu", "maxAcu")));
    }
}
