package io.github.wechatpaycomplaint.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateScheduler;
import io.github.wechatpaycomplaint.client.WechatPayComplaintRestClient;
import io.github.wechatpaycomplaint.client.WechatPayRestClientCustomizer;
import io.github.wechatpaycomplaint.client.WechatPayRestClientFactory;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayPublicKey;
import io.github.wechatpaycomplaint.merchant.WechatPayVerificationKeys;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.FieldError;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every condition and every configuration error of
 * {@link ComplaintClientAutoConfiguration}.
 */
class ComplaintClientAutoConfigurationTests {

	private static final KeyPair MERCHANT = WechatPayStandIn.merchantKeys();

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
				ComplaintClientAutoConfiguration.class));

	private final ApplicationContextRunner configured = this.contextRunner
		.withPropertyValues(this.wechatPay.publicKeyModeProperties());

	@Test
	void createsTheMerchantKeysAndTheQualifiedRestClient() {
		this.configured.run((context) -> {
			assertThat(context).hasSingleBean(WechatPayMerchant.class)
				.hasSingleBean(WechatPayPublicKey.class)
				.hasSingleBean(WechatPayVerificationKeys.class)
				.hasSingleBean(WechatPayRestClientFactory.class)
				.doesNotHaveBean(PlatformCertificateManager.class)
				.hasBean(WechatPayComplaintRestClient.BEAN_NAME);
			WechatPayMerchant merchant = context.getBean(WechatPayMerchant.class);
			assertThat(merchant.getMerchantId()).isEqualTo(WechatPayStandIn.MCHID);
			assertThat(merchant.getCertificateSerialNumber()).isEqualTo(WechatPayStandIn.MERCHANT_SERIAL);
			assertThat(context.getBean(WechatPayVerificationKeys.class).requestSerial())
				.isEqualTo(WechatPayStandIn.PUBLIC_KEY_ID);
		});
	}

	@Test
	void leavesTheApplicationsOwnRestClientsUntouched() {
		this.configured.withUserConfiguration(OwnRestClientConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			OwnRestClientConfiguration.Consumer consumer = context.getBean(OwnRestClientConfiguration.Consumer.class);
			assertThat(consumer.plain).isSameAs(context.getBean("ownRestClient"));
			assertThat(consumer.wechatPay).isSameAs(context.getBean(WechatPayComplaintRestClient.BEAN_NAME));
		});
	}

	@Test
	void backsOffWhenTheUserDefinesTheBeans() {
		this.configured.withUserConfiguration(UserBeansConfiguration.class).run((context) -> {
			assertThat(context.getBean(WechatPayMerchant.class)).isSameAs(UserBeansConfiguration.MERCHANT);
			assertThat(context.getBean(WechatPayComplaintRestClient.BEAN_NAME))
				.isSameAs(UserBeansConfiguration.REST_CLIENT);
		});
	}

	@Test
	void appliesWechatPayRestClientCustomizers() {
		this.configured.withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			context.getBean(WechatPayComplaintRestClient.BEAN_NAME);
			assertThat(CustomizerConfiguration.calls).isNotEmpty();
		});
	}

	@Test
	void isSwitchedOffByEnabledFalse() {
		this.contextRunner.withPropertyValues("wechatpay.complaint.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(WechatPayMerchant.class);
			assertThat(context).doesNotHaveBean(WechatPayComplaintRestClient.BEAN_NAME);
		});
	}

	@Test
	void backsOffWithoutSpringWeb() {
		this.configured.withClassLoader(new FilteredClassLoader(RestClient.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WechatPayMerchant.class));
	}

	@Test
	void createsThePlatformCertificateManagerInCertificateMode() {
		this.contextRunner.withPropertyValues(this.wechatPay.merchantProperties())
			.withPropertyValues("wechatpay.complaint.platform-certificates.enabled=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(PlatformCertificateManager.class)
					.doesNotHaveBean(WechatPayPublicKey.class);
				assertThat(context.getBean(WechatPayVerificationKeys.class).getPlatformCertificates())
					.isSameAs(context.getBean(PlatformCertificateManager.class));
			});
	}

	@Test
	void definesTheSharedCertificateSchedulerWhichStartsNoThreadInPublicKeyModeAndClosesWithTheContext() {
		AtomicReference<PlatformCertificateScheduler> scheduler = new AtomicReference<>();
		this.configured.run((context) -> {
			assertThat(context).hasSingleBean(PlatformCertificateScheduler.class);
			scheduler.set(context.getBean(PlatformCertificateScheduler.class));
			assertThat(scheduler.get().getThreadCount()).isZero();
		});
		assertThat(scheduler.get().isClosed()).isTrue();
	}

	@Test
	void theCertificateManagerRunsOnTheSharedSchedulerTheApplicationMayDefine() {
		PlatformCertificateScheduler own = new PlatformCertificateScheduler(1);
		this.contextRunner.withPropertyValues(this.wechatPay.merchantProperties())
			.withPropertyValues("wechatpay.complaint.platform-certificates.enabled=true")
			.withBean(PlatformCertificateScheduler.class, () -> own)
			.run((context) -> {
				assertThat(context).hasSingleBean(PlatformCertificateScheduler.class);
				assertThat(context.getBean(PlatformCertificateManager.class).isRunning()).isTrue();
				// The first download is scheduled on it at once.
				await().atMost(Duration.ofSeconds(10)).until(() -> own.getThreadCount() == 1);
			});
		assertThat(own.isClosed()).isTrue();
	}

	@Test
	void readsKeysFromFileResourcesAndPkcs1(@TempDir Path directory) throws Exception {
		Path privateKey = directory.resolve("apiclient_key.pem");
		Files.writeString(privateKey, PemText.write(MERCHANT));
		Path publicKey = directory.resolve("pub_key.pem");
		Files.writeString(publicKey, PemText.write(WechatPayStandIn.wechatpayKeys().getPublic()));
		this.configured
			.withPropertyValues("wechatpay.complaint.merchant.private-key=file:" + privateKey,
					"wechatpay.complaint.wechatpay-public-key.key=file:" + publicKey)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(WechatPayMerchant.class));
	}

	@Test
	void readsKeysFromTheClasspathAndFromEscapedOrBarePemText() {
		String pem = PemText.privateKey(MERCHANT.getPrivate());
		String bare = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		this.configured.withPropertyValues("wechatpay.complaint.merchant.private-key=" + pem.replace("\n", "\\n"))
			.run((context) -> assertThat(context).hasNotFailed());
		this.configured.withPropertyValues("wechatpay.complaint.merchant.private-key=" + bare)
			.run((context) -> assertThat(context).hasNotFailed());
		this.configured.withPropertyValues("wechatpay.complaint.wechatpay-public-key.key=classpath:test-pub-key.pem")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void failsWhenTheMerchantIdIsMissing() {
		this.contextRunner.withPropertyValues(without(this.wechatPay.publicKeyModeProperties(), "merchant.id"))
			.run((context) -> assertFailure(context, "wechatpay.complaint.merchant.id"));
	}

	@Test
	void failsWhenThePrivateKeyIsMissing() {
		this.contextRunner.withPropertyValues(without(this.wechatPay.publicKeyModeProperties(), "merchant.private-key"))
			.run((context) -> assertFailure(context, "wechatpay.complaint.merchant.private-key"));
	}

	@Test
	void failsWhenThePrivateKeyFileDoesNotExist() {
		this.configured
			.withPropertyValues("wechatpay.complaint.merchant.private-key=file:/nonexistent/apiclient_key.pem")
			.run((context) -> {
				InvalidComplaintPropertyException ex = assertFailure(context,
						"wechatpay.complaint.merchant.private-key");
				assertThat(ex.getProblem()).contains("file:/nonexistent/apiclient_key.pem", "does not exist");
			});
	}

	@Test
	void failsWhenThePrivateKeyIsNotAKeyAndNeverEchoesIt() {
		String notAKey = "-----BEGIN CERTIFICATE-----\nSECRETSECRETSECRET\n-----END CERTIFICATE-----";
		this.configured.withPropertyValues("wechatpay.complaint.merchant.private-key=" + notAKey).run((context) -> {
			InvalidComplaintPropertyException ex = assertFailure(context, "wechatpay.complaint.merchant.private-key");
			assertThat(ex.getMessage() + ex.getAction()).doesNotContain("SECRETSECRETSECRET");
		});
		this.configured
			.withPropertyValues("wechatpay.complaint.merchant.private-key=" + PemText.write(MERCHANT.getPublic()))
			.run((context) -> assertFailure(context, "wechatpay.complaint.merchant.private-key"));
	}

	@Test
	void failsWhenThePrivateKeyIsNotRsa() throws Exception {
		java.security.KeyPair ec = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
		this.configured
			.withPropertyValues("wechatpay.complaint.merchant.private-key=" + PemText.privateKey(ec.getPrivate()))
			.run((context) -> assertThat(
					assertFailure(context, "wechatpay.complaint.merchant.private-key").getProblem())
				.contains("EC key", "needs RSA"));
	}

	@Test
	void failsWhenThePublicKeyPropertyHoldsAPrivateKeyAndNeverEchoesIt() {
		String privatePem = PemText.privateKey(MERCHANT.getPrivate());
		String secretLine = privatePem.lines().skip(1).findFirst().orElseThrow();
		this.configured.withPropertyValues("wechatpay.complaint.wechatpay-public-key.key=" + privatePem)
			.run((context) -> {
				InvalidComplaintPropertyException ex = assertFailure(context,
						"wechatpay.complaint.wechatpay-public-key.key");
				assertThat(ex.getMessage() + ex.getAction()).contains("BEGIN PUBLIC KEY").doesNotContain(secretLine);
				assertThat(context.getStartupFailure().toString()).doesNotContain(secretLine);
			});
	}

	@Test
	void failsWhenTheApiV3KeyIsNot32BytesAndNeverEchoesIt() {
		this.configured.withPropertyValues("wechatpay.complaint.merchant.api-v3-key=tooShortSecretValue")
			.run((context) -> {
				InvalidComplaintPropertyException ex = assertFailure(context,
						"wechatpay.complaint.merchant.api-v3-key");
				assertThat(ex.getProblem()).contains("32 bytes", "19 bytes");
				assertThat(ex.getMessage() + ex.getAction()).doesNotContain("tooShortSecretValue");
				assertThat(context.getStartupFailure().toString()).doesNotContain("tooShortSecretValue");
			});
	}

	@Test
	void failsWhenThePublicKeyIdHasNoKey() {
		this.contextRunner.withPropertyValues(this.wechatPay.merchantProperties())
			.withPropertyValues("wechatpay.complaint.wechatpay-public-key.id=" + WechatPayStandIn.PUBLIC_KEY_ID)
			.run((context) -> assertFailure(context, "wechatpay.complaint.wechatpay-public-key.key"));
	}

	@Test
	void failsWhenThePublicKeyHasNoId() {
		this.contextRunner.withPropertyValues(this.wechatPay.merchantProperties())
			.withPropertyValues("wechatpay.complaint.wechatpay-public-key.key="
					+ PemText.write(WechatPayStandIn.wechatpayKeys().getPublic()))
			.run((context) -> assertFailure(context, "wechatpay.complaint.wechatpay-public-key.id"));
	}

	@Test
	void failsWhenNothingCanVerifyWechatPaysSignatures() {
		this.contextRunner.withPropertyValues(this.wechatPay.merchantProperties()).run((context) -> {
			InvalidComplaintPropertyException ex = assertFailure(context, "wechatpay.complaint.wechatpay-public-key");
			assertThat(ex.getAction()).contains("platform-certificates.enabled=true", "wechatpay-public-key.id");
		});
	}

	@Test
	void failsWhenThePublicKeyIsNotAPublicKey() {
		this.configured.withPropertyValues("wechatpay.complaint.wechatpay-public-key.key=classpath:nothing-here.pem")
			.run((context) -> assertFailure(context, "wechatpay.complaint.wechatpay-public-key.key"));
	}

	@Test
	void namesTheBadEndpointValue() {
		this.configured.withPropertyValues("wechatpay.complaint.client.endpoint=SHANGHAI").run((context) -> {
			assertThat(context).hasFailed();
			BindException bind = findCause(context.getStartupFailure(), BindException.class);
			assertThat(bind.getProperty().getName().toString()).isEqualTo("wechatpay.complaint.client.endpoint");
			assertThat(bind.getProperty().getValue()).isEqualTo("SHANGHAI");
		});
	}

	@Test
	void hidesTheSecretsFromActuator() {
		this.configured.run((context) -> {
			SanitizingFunction function = context.getBean("wechatPayComplaintSanitizingFunction",
					SanitizingFunction.class);
			assertThat(function.apply(new SanitizableData(null, "wechatpay.complaint.merchant.private-key", "pem"))
				.getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(function.apply(new SanitizableData(null, "apiV3Key", "k")).getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(function.apply(new SanitizableData(null, "WECHATPAY_COMPLAINT_MERCHANT_API_V3_KEY", "k"))
				.getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(function.apply(new SanitizableData(null, "wechatpay.complaint.merchant.id", "1900000001"))
				.getValue()).isEqualTo("1900000001");
		});
	}

	@Test
	void keepsSecretsOutOfToString() {
		this.configured.run((context) -> {
			String apiV3Key = WechatPayStandIn.API_V3_KEY;
			assertThat(context.getBean(WechatPayMerchant.class).toString()).doesNotContain(apiV3Key)
				.doesNotContain("PRIVATE")
				.contains(WechatPayStandIn.MCHID);
			ComplaintProperties properties = context.getBean(ComplaintProperties.class);
			assertThat(properties.getMerchant().toString()).doesNotContain(apiV3Key).doesNotContain("PRIVATE");
		});
	}

	@Test
	void theFailureAnalyzerNamesThePropertyAndTheFix() {
		InvalidComplaintPropertyException ex = new InvalidComplaintPropertyException(
				"wechatpay.complaint.merchant.api-v3-key", "the APIv3 key must be exactly 32 bytes but is 5 bytes long",
				"Copy the 32-character APIv3 key");
		FailureAnalysis analysis = new InvalidComplaintPropertyFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", ex));
		assertThat(analysis.getDescription()).contains("wechatpay.complaint.merchant.api-v3-key", "32 bytes");
		assertThat(analysis.getAction()).isEqualTo("Copy the 32-character APIv3 key");
	}

	@Test
	void usesTheApplicationsClockForSignatures() {
		this.configured.withBean(Clock.class, () -> Clock.fixed(Instant.ofEpochSecond(1763856000L), ZoneOffset.UTC))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static InvalidComplaintPropertyException assertFailure(AssertableApplicationContext context,
			String property) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		InvalidComplaintPropertyException invalid = findCause(failure, InvalidComplaintPropertyException.class);
		if (invalid != null) {
			assertThat(invalid.getProperty()).isEqualTo(property);
			FailureAnalysis analysis = new InvalidComplaintPropertyFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains(property);
			assertThat(analysis.getAction()).isNotBlank();
			return invalid;
		}
		// Jakarta validation (@NotBlank) failures are explained by Spring Boot's
		// BindValidationFailureAnalyzer,
		// which prints each field error's property name and message.
		BindValidationException validation = findCause(failure, BindValidationException.class);
		assertThat(validation).as("validation failure").isNotNull();
		assertThat(validation.getValidationErrors().getName().toString()).isEqualTo("wechatpay.complaint");
		assertThat(validation.getValidationErrors().getAllErrors()).anySatisfy((error) -> {
			assertThat(error).isInstanceOf(FieldError.class);
			assertThat("wechatpay.complaint." + ((FieldError) error).getField())
				.isEqualTo(property.replace("private-key", "privateKey"));
			assertThat(error.getDefaultMessage()).startsWith("must be set to");
		});
		return new InvalidComplaintPropertyException(property, "validation", "validation");
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static String[] without(String[] properties, String suffix) {
		List<String> kept = new ArrayList<>();
		for (String property : properties) {
			if (!property.startsWith("wechatpay.complaint." + suffix + "=")) {
				kept.add(property);
			}
		}
		return kept.toArray(String[]::new);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRestClientConfiguration {

		@Bean
		RestClient ownRestClient() {
			return RestClient.create();
		}

		@Bean
		Consumer consumer(RestClient plain, @WechatPayComplaintRestClient RestClient wechatPay) {
			return new Consumer(plain, wechatPay);
		}

		record Consumer(RestClient plain, RestClient wechatPay) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeansConfiguration {

		static final WechatPayMerchant MERCHANT = new WechatPayMerchant("1900000002", "ABC",
				PemKeys.privateKey(PemText.privateKey(MERCHANT_KEYS().getPrivate())), WechatPayStandIn.API_V3_KEY);

		static final RestClient REST_CLIENT = RestClient.create();

		private static KeyPair MERCHANT_KEYS() {
			return WechatPayStandIn.merchantKeys();
		}

		@Bean
		WechatPayMerchant myMerchant() {
			return MERCHANT;
		}

		@Bean(WechatPayComplaintRestClient.BEAN_NAME)
		RestClient myWechatPayRestClient() {
			return REST_CLIENT;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		static final List<RestClient.Builder> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Bean
		WechatPayRestClientCustomizer recordingCustomizer() {
			return calls::add;
		}

	}

	@SuppressWarnings("unused")
	private static void unused(@Autowired Object o) {
	}

}
