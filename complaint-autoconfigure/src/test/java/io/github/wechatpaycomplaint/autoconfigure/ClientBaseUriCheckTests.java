package io.github.wechatpaycomplaint.autoconfigure;

import java.util.Arrays;

import io.github.wechatpaycomplaint.client.WechatPayRestClientFactory;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.wechatpaycomplaint.autoconfigure.StartupFailureAssertions.assertInvalidProperty;
import static io.github.wechatpaycomplaint.autoconfigure.StartupFailureAssertions.everythingShown;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code client.base-uri} and {@code client.failover.backup-base-uri} are checked at
 * startup: https unless {@code client.allow-insecure-http} is set (then with a warning),
 * and no typo, user info, query or fragment.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientBaseUriCheckTests {

	private static final String BASE_URI = "wechatpay.complaint.client.base-uri";

	private static final String BACKUP_BASE_URI = "wechatpay.complaint.client.failover.backup-base-uri";

	private static final String ALLOW = "wechatpay.complaint.client.allow-insecure-http";

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	// The stand-in's keys without its plain-http base URI and the opt-in: each test sets
	// its own.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
				ComplaintClientAutoConfiguration.class))
		.withPropertyValues(Arrays.stream(this.wechatPay.publicKeyModeProperties())
			.filter((property) -> !property.startsWith(BASE_URI + "=") && !property.startsWith(ALLOW + "="))
			.toArray(String[]::new));

	@Test
	void theDefaultHostsAndHttpsBaseUrisStartWithoutWarning(CapturedOutput output) {
		this.contextRunner
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(WechatPayRestClientFactory.class));
		this.contextRunner
			.withPropertyValues(BASE_URI + "=https://wechatpay-proxy.example.com:8443/forward",
					BACKUP_BASE_URI + "=HTTPS://api2.mch.weixin.qq.com")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues(BASE_URI + "=https://api.mch.weixin.qq.com", ALLOW + "=true")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("plain http");
	}

	@Test
	void plainHttpBaseUriIsRefusedWithoutTheOptIn() {
		this.contextRunner.withPropertyValues(BASE_URI + "=" + this.wechatPay.baseUri()).run((context) -> {
			InvalidComplaintPropertyException ex = assertInvalidProperty(context, BASE_URI);
			assertThat(ex.getProblem()).contains("plain http");
			assertThat(ex.getAction()).contains("https://", ALLOW + "=true");
		});
		this.contextRunner.withPropertyValues(BASE_URI + "=" + this.wechatPay.baseUri(), ALLOW + "=false")
			.run((context) -> assertInvalidProperty(context, BASE_URI));
	}

	@Test
	void plainHttpBaseUriIsRefusedEvenWhenTheApplicationBuildsItsOwnClientFactory() {
		// The application's factory still sends to the configured hosts, so the check
		// cannot live in the starter's.
		this.contextRunner
			.withBean(WechatPayRestClientFactory.class,
					() -> org.mockito.Mockito.mock(WechatPayRestClientFactory.class))
			.withPropertyValues(BASE_URI + "=" + this.wechatPay.baseUri())
			.run((context) -> assertInvalidProperty(context, BASE_URI));
	}

	@Test
	void plainHttpBackupBaseUriIsRefusedWithoutTheOptIn() {
		this.contextRunner.withPropertyValues(BACKUP_BASE_URI + "=http://api2.mch.weixin.qq.com")
			.run((context) -> assertThat(assertInvalidProperty(context, BACKUP_BASE_URI).getAction())
				.contains(ALLOW + "=true"));
	}

	@Test
	void theOptInAllowsPlainHttpAndWarnsNamingTheProperty(CapturedOutput output) {
		this.contextRunner.withPropertyValues(BASE_URI + "=" + this.wechatPay.baseUri(), ALLOW + "=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(WechatPayRestClientFactory.class));
		assertThat(output).contains("WARN", ALLOW, "'" + BASE_URI + "' uses plain http", "never in production");
	}

	@Test
	void theOptInWarnsForAPlainHttpBackupToo(CapturedOutput output) {
		this.contextRunner.withPropertyValues(BACKUP_BASE_URI + "=http://127.0.0.1:9", ALLOW + "=true")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("'" + BACKUP_BASE_URI + "' uses plain http");
	}

	@Test
	void aMistypedSchemeStopsStartupInsteadOfTheFirstCall() {
		this.contextRunner.withPropertyValues(BASE_URI + "=htp://api.mch.weixin.qq.com").run((context) -> {
			InvalidComplaintPropertyException ex = assertInvalidProperty(context, BASE_URI);
			assertThat(ex.getProblem()).contains("'htp'", "https://");
		});
		this.contextRunner.withPropertyValues(BACKUP_BASE_URI + "=htps://api2.mch.weixin.qq.com", ALLOW + "=true")
			.run((context) -> assertInvalidProperty(context, BACKUP_BASE_URI));
	}

	@Test
	void aBaseUriWithoutSchemeOrHostStopsStartup() {
		this.contextRunner.withPropertyValues(BASE_URI + "=api.mch.weixin.qq.com")
			.run((context) -> assertThat(assertInvalidProperty(context, BASE_URI).getProblem()).contains("no scheme"));
		this.contextRunner.withPropertyValues(BASE_URI + "=https:/api.mch.weixin.qq.com")
			.run((context) -> assertThat(assertInvalidProperty(context, BASE_URI).getProblem())
				.contains("no valid host"));
		this.contextRunner.withPropertyValues(BACKUP_BASE_URI + "=https://wechat_pay.example.com")
			.run((context) -> assertInvalidProperty(context, BACKUP_BASE_URI));
	}

	@Test
	void userInfoIsRefusedAndNeverEchoed() {
		this.contextRunner.withPropertyValues(BASE_URI + "=https://proxy:s3cretPassw0rd@proxy.example.com")
			.run((context) -> {
				InvalidComplaintPropertyException ex = assertInvalidProperty(context, BASE_URI);
				assertThat(ex.getProblem()).contains("user info");
				assertThat(everythingShown(context)).doesNotContain("s3cretPassw0rd");
			});
	}

	@Test
	void aQueryOrFragmentIsRefused() {
		this.contextRunner.withPropertyValues(BASE_URI + "=https://api.mch.weixin.qq.com/?debug=1")
			.run((context) -> assertThat(assertInvalidProperty(context, BASE_URI).getProblem()).contains("query"));
		this.contextRunner.withPropertyValues(BACKUP_BASE_URI + "=https://api2.mch.weixin.qq.com#backup")
			.run((context) -> assertInvalidProperty(context, BACKUP_BASE_URI));
	}

}
