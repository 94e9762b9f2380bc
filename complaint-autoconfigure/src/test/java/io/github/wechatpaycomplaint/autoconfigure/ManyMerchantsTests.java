package io.github.wechatpaycomplaint.autoconfigure;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateScheduler;
import io.github.wechatpaycomplaint.client.WechatPayComplaintRestClient;
import io.github.wechatpaycomplaint.client.WechatPayEndpoint;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayVerificationKeys;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import io.github.wechatpaycomplaint.multimerchant.MerchantUnavailableException;
import io.github.wechatpaycomplaint.multimerchant.UnknownMerchantException;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchantSource;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.notification.NotificationMerchant;
import io.github.wechatpaycomplaint.notification.NotificationMerchants;
import io.github.wechatpaycomplaint.resilience.RateLimitExceededException;
import io.github.wechatpaycomplaint.testsupport.MerchantSignatureAssertions;
import io.github.wechatpaycomplaint.testsupport.TestKeys;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.wechatpaycomplaint.autoconfigure.StartupFailureAssertions.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Many merchants in one application: one merchant as before, merchants only, both, bad
 * and duplicate entries, merchants added, replaced and removed at runtime, a broken
 * merchant that fails alone, and one merchant's rate limit that leaves the others alone.
 * Each merchant calls a WireMock stand-in that answers with that merchant's WeChat Pay
 * key.
 */
class ManyMerchantsTests {

	static final String COMPLAINT_ID = "200201820200101080076610000";

	static final String DETAIL = "/v3/merchant-service/complaints-v2/" + COMPLAINT_ID;

	static final String HK_MCHID = "1900000002";

	static final String HK_SERIAL = "6B2E9C1F0A3D5E7F9B1C3D5E7F9A1B3C5D7E9F10";

	static final String HK_PUBLIC_KEY_ID = "PUB_KEY_ID_0119000000022025112300000000000002";

	static final String HK_API_V3_KEY = "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d";

	static final KeyPair HK_MERCHANT_KEYS = RsaKeyPairs.generate();

	static final KeyPair HK_WECHATPAY_KEYS = RsaKeyPairs.generate();

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final WechatPaySigningKey hkSigner = hkSigner();

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class, ComplaintClientAutoConfiguration.class,
				ComplaintApiAutoConfiguration.class, ComplaintMerchantsAutoConfiguration.class));

	@Test
	void oneMerchantIsAsBeforeAndTheEntryDefaultOfTheRegistry() {
		stubBoth();
		this.runner.withPropertyValues(this.wechatPay.publicKeyModeProperties()).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(WechatPayComplaintClient.class)
				.hasSingleBean(WechatPayMerchant.class)
				.hasSingleBean(WechatPayVerificationKeys.class)
				.hasBean(WechatPayComplaintRestClient.BEAN_NAME);
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			assertThat(merchants.names()).containsExactly("default");
			assertThat(merchants.client("default")).isSameAs(context.getBean(WechatPayComplaintClient.class));
			assertThat(merchants.findByMerchantId(WechatPayStandIn.MCHID)).containsSame(merchants.client("default"));
			assertThat(merchants.client("default").getComplaint(COMPLAINT_ID).complaintId()).isEqualTo(COMPLAINT_ID);
		});
		this.wechatPay.assertSignedByMerchant(this.wechatPay.onlyRequest());
	}

	@Test
	void merchantsOnlyServeEachMerchantWithItsOwnKeysAndNoSingleMerchantBeans() {
		stubBoth();
		this.runner.withPropertyValues(entry("main", mainEntry()))
			.withPropertyValues(entry("hk", hkEntry()))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(WechatPayComplaintClient.class)
					.doesNotHaveBean(WechatPayMerchant.class)
					.doesNotHaveBean(WechatPayVerificationKeys.class);
				WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
				assertThat(merchants.names()).containsExactly("hk", "main");
				assertThat(merchants.client("main").getComplaint(COMPLAINT_ID).complaintId()).isEqualTo(COMPLAINT_ID);
				assertThat(merchants.findByMerchantId(HK_MCHID).orElseThrow().getComplaint(COMPLAINT_ID).complaintId())
					.isEqualTo(COMPLAINT_ID);
				assertThatExceptionOfType(UnknownMerchantException.class).isThrownBy(() -> merchants.client("sg"))
					.withMessageContaining("'sg'");
				assertThat(merchants.findByMerchantId("1900000099")).isEmpty();
			});
		assertThat(this.wechatPay.requests()).hasSize(2);
		this.wechatPay.assertSignedByMerchant(this.wechatPay.requests().get(0));
		MerchantSignatureAssertions.assertSignedByMerchant(this.wechatPay.requests().get(1),
				HK_MERCHANT_KEYS.getPublic(), HK_MCHID, HK_SERIAL);
	}

	@Test
	void withDeadlinesOnEachMerchantsClientTellsTheLedgerUnderItsName() {
		stubBoth();
		this.runner.withConfiguration(AutoConfigurations.of(ComplaintDeadlineAutoConfiguration.class))
			.withPropertyValues(entry("main", mainEntry()))
			.withPropertyValues(entry("hk", hkEntry()))
			.withPropertyValues("wechatpay.complaint.deadlines.enabled=true",
					"wechatpay.complaint.deadlines.check-interval=1h")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
				merchants.client("hk").getComplaint(COMPLAINT_ID);
				ComplaintLedger ledger = context.getBean(ComplaintLedger.class);
				assertThat(ledger.find("hk", COMPLAINT_ID))
					.hasValueSatisfying((tracked) -> assertThat(tracked.ref().merchantId()).isEqualTo(HK_MCHID));
				assertThat(ledger.find("main", COMPLAINT_ID)).isEmpty();
			});
	}

	@Test
	void theHongKongEntryCallsTheGlobalPathsWhileTheOtherKeepsTheMainlandOnes() {
		this.wechatPay.stub(get(urlPathMatching("/v3/global/merchant-service/complaints/.*")).willReturn(
				WechatPayStandIn.answer(200, complaintJson(), this.hkSigner.answerHeaders(complaintJson(), now()))));
		this.runner.withPropertyValues(entry("main", mainEntry()))
			.withPropertyValues(entry("hk", hkEntry()))
			.withPropertyValues("wechatpay.complaint.merchants.hk.client.endpoint=HONG_KONG")
			.run((context) -> context.getBean(WechatPayMerchants.class).client("hk").getComplaint(COMPLAINT_ID));
		assertThat(this.wechatPay.onlyRequest().getUrl()).startsWith("/v3/global/merchant-service/complaints/");
	}

	@Test
	void oneEntryAloneIsAlsoTheSingleMerchantBeans() {
		this.runner.withPropertyValues(entry("hk", hkEntry())).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(WechatPayComplaintClient.class);
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			assertThat(context.getBean(WechatPayComplaintClient.class)).isSameAs(merchants.client("hk"));
			assertThat(context.getBean(WechatPayMerchant.class).getMerchantId()).isEqualTo(HK_MCHID);
			assertThat(context.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class))
				.isSameAs(merchants.components("hk").restClient());
		});
	}

	@Test
	void singleMerchantKeysAndEntriesTogetherKeepTheBeansOfDefault() {
		this.runner.withPropertyValues(this.wechatPay.publicKeyModeProperties())
			.withPropertyValues(entry("hk", hkEntry()))
			.run((context) -> {
				WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
				assertThat(merchants.names()).containsExactly("default", "hk");
				assertThat(context.getBean(WechatPayMerchant.class).getMerchantId()).isEqualTo(WechatPayStandIn.MCHID);
				assertThat(context.getBean(WechatPayComplaintClient.class)).isSameAs(merchants.client("default"))
					.isNotSameAs(merchants.client("hk"));
			});
	}

	@Test
	void anEntryInheritsTheGlobalTunablesItLeavesUnset() {
		this.runner.withPropertyValues(entry("main", mainEntry()))
			.withPropertyValues(entry("hk", hkEntry()))
			.withPropertyValues("wechatpay.complaint.client.retry.max-attempts=5",
					"wechatpay.complaint.client.rate-limit.feedback.permits=30",
					"wechatpay.complaint.merchants.hk.client.endpoint=HONG_KONG",
					"wechatpay.complaint.merchants.hk.client.rate-limit.feedback.permits=7",
					"wechatpay.complaint.platform-certificates.enabled=true")
			.run((context) -> {
				MerchantEntryResolver resolver = new MerchantEntryResolver(context.getEnvironment(), () -> null);
				ConfiguredMerchants configured = ConfiguredMerchants.read(context.getEnvironment());
				MerchantEntryProperties hk = resolver.resolve("hk", configured.entry("hk"));
				assertThat(hk.getClient().getEndpoint()).isEqualTo(WechatPayEndpoint.HONG_KONG);
				assertThat(hk.getClient().getRetry().getMaxAttempts()).isEqualTo(5);
				assertThat(hk.getClient().getRateLimit().getFeedback().getPermits()).isEqualTo(7);
				assertThat(hk.getPlatformCertificates().isEnabled()).as("identity is never inherited").isFalse();
				MerchantEntryProperties main = resolver.resolve("main", configured.entry("main"));
				assertThat(main.getClient().getEndpoint()).isEqualTo(WechatPayEndpoint.MAINLAND);
				assertThat(main.getClient().getRateLimit().getFeedback().getPermits()).isEqualTo(30);
				assertThat(context.getBean(ComplaintClientProperties.class).getEndpoint())
					.isEqualTo(WechatPayEndpoint.MAINLAND);
			});
	}

	@Test
	void aMissingKeyOfAnEntryIsNamedWithTheEntry() {
		this.runner.withPropertyValues(without(entry("hk", hkEntry()), "merchant.api-v3-key")).run((context) -> {
			assertThat(context).hasFailed();
			BindValidationException validation = findCause(context.getStartupFailure(), BindValidationException.class);
			assertThat(validation).isNotNull();
			FailureAnalysis analysis = new ComplaintPropertiesValidationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("Property: wechatpay.complaint.merchants.hk.merchant.api-v3-key", "must be set to")
				.doesNotContain("merchants.hk.merchant.id\n");
		});
	}

	@Test
	void badValuesOfAnEntryAreNamedWithTheEntry() {
		String[] both = entries();
		this.runner.withPropertyValues(both)
			.withPropertyValues("wechatpay.complaint.merchants.hk.merchant.api-v3-key=tooshort")
			.run((context) -> assertInvalidProperty(context, "wechatpay.complaint.merchants.hk.merchant.api-v3-key"));
		this.runner.withPropertyValues(both)
			.withPropertyValues("wechatpay.complaint.merchants.hk.client.base-uri=htp://wechatpay.example.com")
			.run((context) -> assertInvalidProperty(context, "wechatpay.complaint.merchants.hk.client.base-uri"));
		this.runner.withPropertyValues(both)
			.withPropertyValues("wechatpay.complaint.merchants.hk.client.retry.initial-backoff=-1s")
			.run((context) -> assertInvalidProperty(context,
					"wechatpay.complaint.merchants.hk.client.retry.initial-backoff"));
		this.runner.withPropertyValues(both)
			.withPropertyValues("wechatpay.complaint.merchants.hk.merchant.private-key=file:/nonexistent/key.pem")
			.run((context) -> assertInvalidProperty(context, "wechatpay.complaint.merchants.hk.merchant.private-key"));
		this.runner.withPropertyValues(both)
			.withPropertyValues("wechatpay.complaint.merchants.hk.client.read-timeout=3s")
			.run((context) -> assertThat(
					assertInvalidProperty(context, "wechatpay.complaint.merchants.hk.client.read-timeout").getAction())
				.contains("wechatpay.complaint.client.read-timeout"));
		this.runner.withPropertyValues(both)
			.withPropertyValues("wechatpay.complaint.merchants.hk.wechatpay-public-key.key=")
			.run((context) -> assertInvalidProperty(context,
					"wechatpay.complaint.merchants.hk.wechatpay-public-key.key"));
	}

	@Test
	void entryNamesMustBeShortLowerCaseSegmentsAndDefaultIsTakenBySingleMerchantKeys() {
		String tooLong = "a-name-that-is-longer-than-thirty-two";
		this.runner.withPropertyValues(entry(tooLong, hkEntry()))
			.run((context) -> assertThat(
					assertInvalidProperty(context, "wechatpay.complaint.merchants." + tooLong).getProblem())
				.contains(tooLong));
		this.runner.withPropertyValues(this.wechatPay.publicKeyModeProperties())
			.withPropertyValues(entry("default", hkEntry()))
			.run((context) -> assertInvalidProperty(context, "wechatpay.complaint.merchants.default"));
	}

	@Test
	void twoEntriesWithOneMerchantIdOrOnePublicKeyIdStopStartupNamingBoth() {
		this.runner.withPropertyValues(entry("main", mainEntry()))
			.withPropertyValues(entry("hk", hkEntry()))
			.withPropertyValues("wechatpay.complaint.merchants.hk.merchant.id=" + WechatPayStandIn.MCHID)
			.run((context) -> assertThat(
					assertInvalidProperty(context, "wechatpay.complaint.merchants.hk.merchant.id").getProblem())
				.contains("'main'", "'hk'", WechatPayStandIn.MCHID));
		this.runner.withPropertyValues(entry("main", mainEntry()))
			.withPropertyValues(entry("hk", hkEntry()))
			.withPropertyValues(
					"wechatpay.complaint.merchants.hk.wechatpay-public-key.id=" + WechatPayStandIn.PUBLIC_KEY_ID)
			.run((context) -> assertThat(
					assertInvalidProperty(context, "wechatpay.complaint.merchants.hk.wechatpay-public-key.id")
						.getProblem())
				.contains("'main'", "'hk'"));
	}

	@Test
	void anEntryThatSharesIdsWithTwoOthersIsReportedAgainstTheEarlierOne() {
		// 'late' has main's public key id and hk's merchant id: main comes first, so its
		// public key id is named, whichever id is checked first.
		this.runner.withPropertyValues(entry("main", mainEntry()))
			.withPropertyValues(entry("hk", hkEntry()))
			.withPropertyValues(entry("late", hkEntry()))
			.withPropertyValues(
					"wechatpay.complaint.merchants.late.wechatpay-public-key.id=" + WechatPayStandIn.PUBLIC_KEY_ID)
			.run((context) -> assertThat(
					assertInvalidProperty(context, "wechatpay.complaint.merchants.late.wechatpay-public-key.id")
						.getProblem())
				.contains("'main'", "'late'"));
	}

	@Test
	void merchantsAreAddedReplacedAndRemovedAtRuntime() {
		stubBoth();
		this.runner.withPropertyValues(this.wechatPay.publicKeyModeProperties()).run((context) -> {
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			merchants.put(hkDefinition().build());
			WechatPayComplaintClient first = merchants.client("hk");
			assertThat(first.getComplaint(COMPLAINT_ID).complaintId()).isEqualTo(COMPLAINT_ID);
			assertThat(merchants.client("hk")).as("cached").isSameAs(first);
			// Key rotation: the same merchant with a new serial and key.
			KeyPair rotated = RsaKeyPairs.generate();
			merchants.put(hkDefinition().certificateSerialNumber("7C3F")
				.privateKey(PemText.privateKey(rotated.getPrivate()))
				.build());
			WechatPayComplaintClient second = merchants.client("hk");
			assertThat(second).isNotSameAs(first);
			second.getComplaint(COMPLAINT_ID);
			MerchantSignatureAssertions.assertSignedByMerchant(last(), rotated.getPublic(), HK_MCHID, "7C3F");
			assertThat(merchants.remove("hk")).isTrue();
			assertThatExceptionOfType(UnknownMerchantException.class).isThrownBy(() -> merchants.client("hk"));
			assertThat(merchants.findByMerchantId(HK_MCHID)).isEmpty();
			assertThat(merchants.client("default").getComplaint(COMPLAINT_ID).complaintId()).isEqualTo(COMPLAINT_ID);
		});
	}

	@Test
	void aRuntimeMerchantWithTheMerchantIdOfAnotherIsRefused() {
		this.runner.withPropertyValues(this.wechatPay.publicKeyModeProperties()).run((context) -> {
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> merchants.put(hkDefinition().merchantId(WechatPayStandIn.MCHID).build()))
				.withMessageContaining("'default'")
				.withMessageContaining("'hk'");
			assertThat(merchants.names()).containsExactly("default");
		});
	}

	@Test
	void aCallInFlightWhenItsMerchantIsRemovedCompletes() {
		this.wechatPay
			.stub(get(urlPathMatching(DETAIL)).withHeader("Authorization", containing("mchid=\"" + HK_MCHID + "\""))
				.willReturn(WechatPayStandIn
					.answer(200, complaintJson(), this.hkSigner.answerHeaders(complaintJson(), now()))
					.withFixedDelay(700)));
		this.runner.withPropertyValues(entries()).run((context) -> {
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			WechatPayComplaintClient hk = merchants.client("hk");
			CompletableFuture<Complaint> call = CompletableFuture.supplyAsync(() -> hk.getComplaint(COMPLAINT_ID));
			waitForRequests(1);
			assertThat(merchants.remove("hk")).isTrue();
			assertThat(call.get(5, TimeUnit.SECONDS).complaintId()).isEqualTo(COMPLAINT_ID);
			assertThatExceptionOfType(UnknownMerchantException.class).isThrownBy(() -> merchants.client("hk"));
		});
	}

	@Test
	void aRuntimeMerchantWhoseKeyDoesNotParseFailsAloneAndIsReported() {
		stubBoth();
		String brokenKey = "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----";
		this.runner.withPropertyValues(entries()).run((context) -> {
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			merchants.put(MerchantDefinition.builder("broken")
				.merchantId("1900000003")
				.certificateSerialNumber("1A2B")
				.privateKey(brokenKey)
				.apiV3Key(HK_API_V3_KEY)
				.wechatpayPublicKey("PUB_KEY_ID_0119000000032025112300000000000003",
						PemText.write(HK_WECHATPAY_KEYS.getPublic()))
				.build());
			assertThatExceptionOfType(MerchantUnavailableException.class).isThrownBy(() -> merchants.client("broken"))
				.withMessageContaining("'broken'")
				.withMessageContaining("wechatpay.complaint.merchants.broken.merchant.private-key")
				.withMessageNotContaining("MIIBVQ");
			assertThat(merchants.brokenMerchants()).containsOnlyKeys("broken");
			assertThat(merchants.brokenMerchants().get("broken")).doesNotContain("MIIBVQ");
			assertThat(merchants.client("main").getComplaint(COMPLAINT_ID).complaintId()).isEqualTo(COMPLAINT_ID);
			assertThat(merchants.client("hk").getComplaint(COMPLAINT_ID).complaintId()).isEqualTo(COMPLAINT_ID);
			assertThat(merchants.notificationMerchants().byName("broken")).isEmpty();
		});
	}

	@Test
	void oneMerchantOverItsRateLimitLeavesTheOtherCallingFreely() {
		stubBoth();
		this.runner.withPropertyValues(entries())
			.withPropertyValues("wechatpay.complaint.client.rate-limit.max-wait=0s",
					"wechatpay.complaint.client.rate-limit.feedback.permits=600",
					"wechatpay.complaint.merchants.hk.client.rate-limit.feedback.permits=1",
					"wechatpay.complaint.merchants.hk.client.rate-limit.feedback.period=1h")
			.run((context) -> {
				WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
				merchants.client("hk").getComplaint(COMPLAINT_ID);
				// Under the global quota (one call per 100 ms) this call would pass; the
				// entry's own quota (one an hour) refuses it.
				Thread.sleep(300);
				assertThatExceptionOfType(RateLimitExceededException.class)
					.isThrownBy(() -> merchants.client("hk").getComplaint(COMPLAINT_ID))
					.withMessageContaining(HK_MCHID);
				List<String> ids = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					Thread.sleep(300);
					ids.add(merchants.client("main").getComplaint(COMPLAINT_ID).complaintId());
				}
				assertThat(ids).containsOnly(COMPLAINT_ID).hasSize(3);
			});
		assertThat(this.wechatPay.requests()).hasSize(4);
	}

	@Test
	void anApplicationsOwnSourceSuppliesMerchantsAndRefreshFollowsIt() {
		stubBoth();
		List<MerchantDefinition> stored = new CopyOnWriteArrayList<>(List.of(hkDefinition().build()));
		this.runner.withBean(WechatPayMerchantSource.class, () -> () -> stored)
			.withPropertyValues("wechatpay.complaint.client.allow-insecure-http=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(WechatPayComplaintClient.class);
				WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
				assertThat(merchants.names()).containsExactly("hk");
				merchants.client("hk").getComplaint(COMPLAINT_ID);
				stored.clear();
				stored.add(MerchantDefinition.builder("main")
					.merchantId(WechatPayStandIn.MCHID)
					.certificateSerialNumber(WechatPayStandIn.MERCHANT_SERIAL)
					.privateKey(PemText.privateKey(WechatPayStandIn.merchantKeys().getPrivate()))
					.apiV3Key(WechatPayStandIn.API_V3_KEY)
					.wechatpayPublicKey(WechatPayStandIn.PUBLIC_KEY_ID,
							PemText.write(WechatPayStandIn.wechatpayKeys().getPublic()))
					.setting("client.base-uri", this.wechatPay.baseUri())
					// Its own host: the global permission for plain http is the global
					// host's.
					.setting("client.allow-insecure-http", "true")
					.build());
				merchants.refresh();
				assertThat(merchants.names()).containsExactly("main");
				assertThat(merchants.client("main").getComplaint(COMPLAINT_ID).complaintId()).isEqualTo(COMPLAINT_ID);
			});
	}

	@Test
	void aSettingOfAnApplicationsMerchantThatCannotWorkFailsThatMerchantNamingIt() {
		this.runner.withPropertyValues(entries()).run((context) -> {
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			merchants.put(hkDefinition().setting("client.base-uri", "ftp://wechatpay.example.com").build());
			assertThatExceptionOfType(MerchantUnavailableException.class).isThrownBy(() -> merchants.client("hk"))
				.withMessageContaining("wechatpay.complaint.merchants.hk.client.base-uri");
			assertThat(merchants.client("main")).isNotNull();
		});
	}

	@Test
	void theNotificationSideFindsEachMerchantByNameAndBySerial() {
		this.runner.withPropertyValues(entries()).run((context) -> {
			NotificationMerchants merchants = context.getBean(NotificationMerchants.class);
			assertThat(merchants.names()).containsExactlyInAnyOrder("main", "hk");
			NotificationMerchant hk = merchants.bySerial(HK_PUBLIC_KEY_ID).orElseThrow();
			assertThat(hk.name()).isEqualTo("hk");
			assertThat(hk.merchantId()).isEqualTo(HK_MCHID);
			assertThat(hk.verificationKeys().resolve(HK_PUBLIC_KEY_ID)).contains(HK_WECHATPAY_KEYS.getPublic());
			assertThat(hk.verificationKeys().resolve(WechatPayStandIn.PUBLIC_KEY_ID)).isEmpty();
			assertThat(merchants.byName("main").orElseThrow().merchantId()).isEqualTo(WechatPayStandIn.MCHID);
			assertThat(merchants.bySerial("PUB_KEY_ID_0000")).isEmpty();
			assertThat(merchants.byName("sg")).isEmpty();
			assertThat(hk.toString()).doesNotContain(HK_API_V3_KEY);
		});
	}

	@Test
	void certificateModeMerchantsDownloadOnAFewSharedThreadsThatCloseWithTheContext() {
		List<String> properties = new ArrayList<>(List.of(TestKeys.trustAnchorProperty()));
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String name = "m" + i;
			names.add(name);
			properties.addAll(List.of(entry(name,
					new String[] { "merchant.id=" + (1900000100 + i), "merchant.certificate-serial-number=" + HK_SERIAL,
							"merchant.private-key=" + PemText.privateKey(HK_MERCHANT_KEYS.getPrivate()),
							"merchant.api-v3-key=" + HK_API_V3_KEY, "platform-certificates.enabled=true",
							"client.base-uri=" + this.wechatPay.baseUri(), "client.allow-insecure-http=true",
							"client.retry.max-attempts=1" })));
		}
		AtomicReference<PlatformCertificateScheduler> scheduler = new AtomicReference<>();
		this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			long ownThreadsBefore = ownCertificateThreads();
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			names.forEach((name) -> assertThat(merchants.verificationKeys(name).getPlatformCertificates().isRunning())
				.isTrue());
			assertThat(ownCertificateThreads()).as("no thread of its own per merchant").isEqualTo(ownThreadsBefore);
			scheduler.set(context.getBean(PlatformCertificateScheduler.class));
			assertThat(scheduler.get().getThreadCount()).isBetween(1, PlatformCertificateScheduler.DEFAULT_THREADS);
		});
		assertThat(scheduler.get().isClosed()).isTrue();
	}

	// The scheduler threads of managers that run on threads of their own.
	private static long ownCertificateThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("wechatpay-platform-certificates"))
			.count();
	}

	@Test
	void definitionsShowNoSecrets() {
		MerchantDefinition definition = hkDefinition().build();
		assertThat(definition.toString()).contains("hk", HK_MCHID, HK_SERIAL)
			.doesNotContain(HK_API_V3_KEY)
			.doesNotContain("PRIVATE KEY");
		assertThat(definition.toBuilder().build()).isEqualTo(definition);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> MerchantDefinition.builder("HK").build())
			.withMessageContaining("'HK'");
	}

	private MerchantDefinition.Builder hkDefinition() {
		return hkMerchant().setting("client.base-uri", this.wechatPay.baseUri())
			.setting("client.allow-insecure-http", "true");
	}

	/** The Hong Kong merchant's identity, without settings. */
	static MerchantDefinition.Builder hkMerchant() {
		return MerchantDefinition.builder("hk")
			.merchantId(HK_MCHID)
			.certificateSerialNumber(HK_SERIAL)
			.privateKey(PemText.privateKey(HK_MERCHANT_KEYS.getPrivate()))
			.apiV3Key(HK_API_V3_KEY)
			.wechatpayPublicKey(HK_PUBLIC_KEY_ID, PemText.write(HK_WECHATPAY_KEYS.getPublic()));
	}

	private String[] entries() {
		return entries(this.wechatPay);
	}

	/** Two merchants, "main" and "hk", both calling the stand-in. */
	static String[] entries(WechatPayStandIn wechatPay) {
		List<String> all = new ArrayList<>(List.of(entry("main", wechatPay.publicKeyModeProperties())));
		all.addAll(List.of(entry("hk", hkEntry(wechatPay))));
		return all.toArray(String[]::new);
	}

	static WechatPaySigningKey hkSigner() {
		return new WechatPaySigningKey(HK_PUBLIC_KEY_ID, HK_WECHATPAY_KEYS.getPrivate());
	}

	private String[] mainEntry() {
		return this.wechatPay.publicKeyModeProperties();
	}

	private String[] hkEntry() {
		return hkEntry(this.wechatPay);
	}

	private static String[] hkEntry(WechatPayStandIn wechatPay) {
		return new String[] { "merchant.id=" + HK_MCHID, "merchant.certificate-serial-number=" + HK_SERIAL,
				"merchant.private-key=" + PemText.privateKey(HK_MERCHANT_KEYS.getPrivate()),
				"merchant.api-v3-key=" + HK_API_V3_KEY, "wechatpay-public-key.id=" + HK_PUBLIC_KEY_ID,
				"wechatpay-public-key.key=" + PemText.write(HK_WECHATPAY_KEYS.getPublic()),
				"client.base-uri=" + wechatPay.baseUri(), "client.allow-insecure-http=true" };
	}

	// The stand-in's single-merchant properties, or entry-relative ones, under an entry.
	private static String[] entry(String name, String[] properties) {
		String prefix = "wechatpay.complaint.merchants." + name + ".";
		return java.util.Arrays.stream(properties)
			.map((property) -> prefix + property.replaceFirst("^wechatpay\\.complaint\\.", ""))
			.toArray(String[]::new);
	}

	private static String[] without(String[] properties, String suffix) {
		return java.util.Arrays.stream(properties)
			.filter((property) -> !property.substring(0, property.indexOf('=')).endsWith(suffix))
			.toArray(String[]::new);
	}

	private void stubBoth() {
		stubBoth(this.wechatPay);
	}

	/**
	 * Answers the detail of {@link #COMPLAINT_ID} to each merchant, signed with its key.
	 */
	static void stubBoth(WechatPayStandIn wechatPay) {
		WechatPaySigningKey hkSigner = hkSigner();
		wechatPay.stub(get(urlPathMatching(DETAIL))
			.withHeader("Authorization", containing("mchid=\"" + WechatPayStandIn.MCHID + "\""))
			.willReturn(wechatPay.signedAnswer(200, complaintJson())));
		wechatPay.stub(get(urlPathMatching(DETAIL))
			.withHeader("Authorization", containing("mchid=\"" + HK_MCHID + "\""))
			.willReturn(WechatPayStandIn.answer(200, complaintJson(), hkSigner.answerHeaders(complaintJson(), now()))));
	}

	private com.github.tomakehurst.wiremock.verification.LoggedRequest last() {
		List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests = this.wechatPay.requests();
		return requests.get(requests.size() - 1);
	}

	private void waitForRequests(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (this.wechatPay.requests().size() < count && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.wechatPay.requests()).hasSize(count);
	}

	private static String complaintJson() {
		return "{\"complaint_id\":\"" + COMPLAINT_ID
				+ "\",\"complaint_time\":\"2026-11-20T10:15:22+08:00\",\"complaint_state\":\"PENDING\"}";
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
