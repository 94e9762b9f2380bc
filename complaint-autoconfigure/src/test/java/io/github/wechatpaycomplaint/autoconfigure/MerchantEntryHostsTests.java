package io.github.wechatpaycomplaint.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wechatpaycomplaint.client.WechatPayEndpoint;
import io.github.wechatpaycomplaint.client.WechatPayRestClientCustomizer;
import io.github.wechatpaycomplaint.multimerchant.MerchantUnavailableException;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.wechatpaycomplaint.autoconfigure.ManyMerchantsTests.COMPLAINT_ID;
import static io.github.wechatpaycomplaint.autoconfigure.ManyMerchantsTests.HK_API_V3_KEY;
import static io.github.wechatpaycomplaint.autoconfigure.ManyMerchantsTests.HK_MCHID;
import static io.github.wechatpaycomplaint.autoconfigure.ManyMerchantsTests.HK_MERCHANT_KEYS;
import static io.github.wechatpaycomplaint.autoconfigure.ManyMerchantsTests.HK_PUBLIC_KEY_ID;
import static io.github.wechatpaycomplaint.autoconfigure.ManyMerchantsTests.HK_SERIAL;
import static io.github.wechatpaycomplaint.autoconfigure.ManyMerchantsTests.HK_WECHATPAY_KEYS;
import static io.github.wechatpaycomplaint.autoconfigure.StartupFailureAssertions.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Which host a merchant entry calls: the host settings (base URI, failover backup, plain
 * http) come from the global keys only for an entry that keeps the global host; an entry
 * that chooses its endpoint calls that endpoint's hosts, whatever the global base URI.
 * Every request is recorded and refused before it leaves, so the real hosts are never
 * called.
 */
class MerchantEntryHostsTests {

	private static final String HK = "wechatpay.complaint.merchants.hk.";

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final List<URI> sent = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
				ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class,
				ComplaintMerchantsAutoConfiguration.class))
		.withBean(WechatPayRestClientCustomizer.class,
				() -> (builder) -> builder.requestInterceptor((request, body, execution) -> {
					this.sent.add(request.getURI());
					throw new IOException("Recorded, not sent");
				}))
		.withPropertyValues("wechatpay.complaint.client.retry.max-attempts=1");

	@Test
	void aHongKongEntryCallsTheHongKongHostThoughTheGlobalKeysNameAnotherHost() {
		this.runner.withPropertyValues(globalStandInHost())
			.withPropertyValues(hkIdentity())
			.withPropertyValues(HK + "client.endpoint=HONG_KONG")
			.run((context) -> {
				ComplaintClientProperties hk = resolve(context, "hk");
				assertThat(hk.resolveBaseUri()).isEqualTo(WechatPayEndpoint.HONG_KONG.getBaseUri());
				assertThat(hk.resolveFailoverBaseUri()).isNull();
				assertThat(hk.isAllowInsecureHttp()).isFalse();
				call(context, "hk");
			});
		assertThat(this.sent).singleElement().satisfies((uri) -> {
			assertThat(uri.getScheme() + "://" + uri.getHost()).isEqualTo("https://apihk.mch.weixin.qq.com");
			assertThat(uri.getPath()).startsWith("/v3/global/merchant-service/complaints/");
		});
		assertThat(this.wechatPay.requests()).isEmpty();
	}

	@Test
	void anEntryThatKeepsTheGlobalHostTakesItsHostSettingsToo() {
		this.runner.withPropertyValues(globalStandInHost()).withPropertyValues(hkIdentity()).run((context) -> {
			ComplaintClientProperties hk = resolve(context, "hk");
			assertThat(hk.resolveBaseUri()).isEqualTo(URI.create(this.wechatPay.baseUri()));
			assertThat(hk.resolveFailoverBaseUri()).isEqualTo(URI.create(this.wechatPay.baseUri() + "/backup"));
			assertThat(hk.isAllowInsecureHttp()).isTrue();
			call(context, "hk");
		});
		assertThat(this.sent).singleElement()
			.satisfies((uri) -> assertThat(uri.getPort()).isEqualTo(this.wechatPay.server().port()));
	}

	@Test
	void anEntryWithItsOwnBaseUriDoesNotTakeTheGlobalPermissionForPlainHttp() {
		this.runner.withPropertyValues(globalStandInHost())
			.withPropertyValues(hkIdentity())
			.withPropertyValues(HK + "client.base-uri=http://wechatpay-proxy.example.com")
			.run((context) -> assertThat(assertInvalidProperty(context, HK + "client.base-uri").getAction())
				.contains(ClientBaseUriCheck.ALLOW_INSECURE_HTTP));
		this.runner.withPropertyValues(globalStandInHost())
			.withPropertyValues(hkIdentity())
			.withPropertyValues(HK + "client.base-uri=http://wechatpay-proxy.example.com",
					HK + "client.allow-insecure-http=true")
			.run((context) -> {
				ComplaintClientProperties hk = resolve(context, "hk");
				assertThat(hk.resolveBaseUri()).isEqualTo(URI.create("http://wechatpay-proxy.example.com"));
				assertThat(hk.resolveFailoverBaseUri()).as("the global backup belongs to the global host").isNull();
			});
	}

	@Test
	void anEntryWithItsOwnBaseUriMustChooseItsPathsUnderAGlobalHongKongEndpoint() {
		this.runner.withPropertyValues("wechatpay.complaint.client.endpoint=HONG_KONG")
			.withPropertyValues(hkIdentity())
			.withPropertyValues(HK + "client.base-uri=https://wechatpay-proxy.example.com")
			.run((context) -> assertThat(assertInvalidProperty(context, HK + "client.endpoint").getAction())
				.contains("HONG_KONG", "MAINLAND"));
		this.runner.withPropertyValues("wechatpay.complaint.client.endpoint=HONG_KONG")
			.withPropertyValues(hkIdentity())
			.withPropertyValues(HK + "client.base-uri=https://wechatpay-proxy.example.com",
					HK + "client.endpoint=MAINLAND")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(resolve(context, "hk").getEndpoint()).isEqualTo(WechatPayEndpoint.MAINLAND);
			});
	}

	@Test
	void aDefinitionBuiltInCodeFollowsTheSameRule() {
		this.runner.withPropertyValues(this.wechatPay.publicKeyModeProperties()).run((context) -> {
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			merchants.put(ManyMerchantsTests.hkMerchant().endpoint(WechatPayEndpoint.HONG_KONG).build());
			assertThat(merchants.components("hk").client()).isNotNull();
			call(context, "hk");
		});
		assertThat(this.sent).singleElement()
			.satisfies((uri) -> assertThat(uri.getHost()).isEqualTo("apihk.mch.weixin.qq.com"));
		assertThat(this.wechatPay.requests()).isEmpty();
		this.runner.withPropertyValues(this.wechatPay.publicKeyModeProperties())
			.withPropertyValues("wechatpay.complaint.client.endpoint=HONG_KONG")
			.run((context) -> {
				WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
				merchants.put(ManyMerchantsTests.hkMerchant()
					.baseUri(URI.create("https://wechatpay-proxy.example.com"))
					.build());
				assertThatExceptionOfType(MerchantUnavailableException.class).isThrownBy(() -> merchants.client("hk"))
					.withMessageContaining(HK + "client.endpoint");
			});
	}

	private String[] globalStandInHost() {
		return new String[] { "wechatpay.complaint.client.base-uri=" + this.wechatPay.baseUri(),
				"wechatpay.complaint.client.failover.backup-base-uri=" + this.wechatPay.baseUri() + "/backup",
				"wechatpay.complaint.client.allow-insecure-http=true" };
	}

	private static String[] hkIdentity() {
		List<String> identity = new ArrayList<>();
		identity.add(HK + "merchant.id=" + HK_MCHID);
		identity.add(HK + "merchant.certificate-serial-number=" + HK_SERIAL);
		identity.add(HK + "merchant.private-key=" + PemText.privateKey(HK_MERCHANT_KEYS.getPrivate()));
		identity.add(HK + "merchant.api-v3-key=" + HK_API_V3_KEY);
		identity.add(HK + "wechatpay-public-key.id=" + HK_PUBLIC_KEY_ID);
		identity.add(HK + "wechatpay-public-key.key=" + PemText.write(HK_WECHATPAY_KEYS.getPublic()));
		return identity.toArray(String[]::new);
	}

	private static ComplaintClientProperties resolve(AssertableApplicationContext context, String name) {
		assertThat(context).hasNotFailed();
		return ComplaintMerchantsAutoConfiguration.resolver(context.getEnvironment())
			.resolve(name, ConfiguredMerchants.read(context.getEnvironment()).entry(name))
			.getClient();
	}

	private static void call(AssertableApplicationContext context, String name) {
		WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
		assertThat(catchThrowable(() -> merchants.client(name).getComplaint(COMPLAINT_ID)))
			.hasRootCauseMessage("Recorded, not sent");
	}

}
