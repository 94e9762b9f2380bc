package io.github.wechatpaycomplaint.notification;

import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationAutoConfiguration;
import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.event.ComplaintEvent;
import io.github.wechatpaycomplaint.merchant.WechatPayPublicKey;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationEndpointTests.App;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.RecordingListener;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two merchants behind one endpoint: notifications reach the merchant they are for, by
 * its path or by the serial, and never another one.
 */
class MultiMerchantNotificationTests {

	private static final long NOW = 1_749_776_561L;

	private static final String PATH = NotificationContexts.PATH;

	// Merchant "main": the keys of the official SDK vectors.
	private static final String MAIN_ID = "1900000109";

	// Merchant "hk": keys made here.
	private static final String HK_ID = "1900000110";

	private static final String HK_KEY_ID = "PUB_KEY_ID_0119000001102025061300000000000001";

	private static final String HK_API_V3_KEY = "hkApiV3Key0123456789abcdefghijkl";

	private static final KeyPair HK_KEYS = RsaKeyPairs.generate();

	private final SignedNotificationBuilder main = NotificationContexts.notificationWithVectorKeys(NOW);

	private final SignedNotificationBuilder hk = SignedNotificationBuilder.create()
		.signingKey(HK_KEYS.getPrivate())
		.serial(HK_KEY_ID)
		.apiV3Key(HK_API_V3_KEY)
		.timestamp(Instant.ofEpochSecond(NOW));

	@Test
	void aNotificationOnItsMerchantsPathCarriesThatMerchant() {
		run((app) -> {
			assertThat(post(app, PATH + "/main", this.main.build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(post(app, PATH + "/hk", this.hk.build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.listener().events()).extracting(ComplaintEvent::getMerchantName)
				.containsExactly("main", "hk");
			assertThat(app.listener().events()).extracting(ComplaintEvent::getMerchantId)
				.containsExactly(MAIN_ID, HK_ID);
			assertThat(app.listener().events()).extracting((event) -> event.getNotification().merchantName())
				.containsExactly("main", "hk");
			assertThat(app.listener().events().get(1).toString()).contains("merchant=hk")
				.doesNotContain(this.hk.plaintext());
		});
	}

	@Test
	void theSharedPathRoutesBySerial() {
		run((app) -> {
			assertThat(post(app, PATH, this.hk.build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(post(app, PATH, this.main.build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.listener().events()).extracting(ComplaintEvent::getMerchantName)
				.containsExactly("hk", "main");
			assertThat(app.listener().events().get(0).getResource().toString()).isEqualTo(this.hk.plaintext());
		});
	}

	@Test
	void aNotificationOnAnotherMerchantsPathIsRefusedWithoutAnEvent() {
		run((app) -> {
			assertRefused(post(app, PATH + "/hk", this.main.build()), 403, "SERIAL_OF_ANOTHER_MERCHANT");
			assertRefused(post(app, PATH + "/main", this.hk.build()), 403, "SERIAL_OF_ANOTHER_MERCHANT");
			assertThat(app.listener().calls()).isZero();
		});
	}

	@Test
	void anUnknownSerialIsRefusedOnEveryPath() {
		run((app) -> {
			SignedNotification unknown = this.hk.serial("PUB_KEY_ID_0119000009992025061300000000000009").build();
			assertRefused(post(app, PATH, unknown), 401, "UNKNOWN_SERIAL");
			assertRefused(post(app, PATH + "/hk", unknown), 401, "UNKNOWN_SERIAL");
			assertThat(app.listener().calls()).isZero();
		});
	}

	@Test
	void aNameOfNoMerchantIsNotFoundWhateverTheMethod() {
		run((app) -> {
			assertRefused(post(app, PATH + "/nobody", this.main.build()), 404, "UNKNOWN_MERCHANT");
			assertRefused(app.perform(MockMvcRequestBuilders.get(PATH + "/nobody")), 404, "UNKNOWN_MERCHANT");
			assertRefused(app.perform(MockMvcRequestBuilders.get(PATH + "/hk")), 405, "METHOD_NOT_ALLOWED");
			assertThat(app.perform(MockMvcRequestBuilders.post(PATH + "/hk/more")).getResponse().getStatus())
				.isEqualTo(404);
			assertThat(app.listener().calls()).isZero();
		});
	}

	@Test
	void theSameNotificationIdForTwoMerchantsIsTwoNotifications() {
		run((app) -> {
			assertThat(post(app, PATH, this.main.id("shared-id").build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(post(app, PATH, this.hk.id("shared-id").build()).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.listener().events()).extracting(ComplaintNotificationEvent::getNotificationId)
				.containsExactly("shared-id", "shared-id");
			assertThat(app.listener().events()).extracting(ComplaintEvent::getMerchantName)
				.containsExactly("main", "hk");
		});
	}

	@Test
	void duplicatesOfOneMerchantCollapseOnEveryPath() {
		run((app) -> {
			SignedNotification notification = this.hk.id("again").build();
			assertThat(post(app, PATH + "/hk", notification).getResponse().getStatus()).isEqualTo(204);
			assertThat(post(app, PATH + "/hk", notification).getResponse().getStatus()).isEqualTo(204);
			assertThat(post(app, PATH, notification).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.listener().events()).singleElement()
				.satisfies((event) -> assertThat(event.getMerchantName()).isEqualTo("hk"));
		});
	}

	@Test
	void aListenerConditionOnTheMerchantNameSeesThatMerchantOnly() {
		run((app) -> {
			post(app, PATH, this.main.id("main-1").build());
			post(app, PATH, this.hk.id("hk-1").build());
			post(app, PATH + "/main", this.main.id("main-2").build());
			assertThat(app.listener().events()).hasSize(3);
			assertThat(app.context().getBean(HongKongListener.class).events).singleElement()
				.satisfies((event) -> assertThat(event.getMerchantId()).isEqualTo(HK_ID));
		});
	}

	@Test
	void onlyTheSignersApiV3KeyDecrypts() {
		run((app) -> {
			// Signed with main's key but encrypted for hk: hk's key, which would decrypt
			// it, is
			// never tried.
			SignedNotificationBuilder mixed = NotificationContexts.notificationWithVectorKeys(NOW)
				.apiV3Key(HK_API_V3_KEY);
			assertRefused(post(app, PATH, mixed.build()), 500, "DECRYPTION_FAILED");
			assertThat(app.listener().calls()).isZero();
		});
	}

	@Test
	void theSingleMerchantOfTodayIsNamedDefaultAndHasItsOwnPathToo() {
		NotificationContexts.webRunner().withUserConfiguration(Listeners.class).run(App.started((app) -> {
			assertThat(app.context().getBean(NotificationMerchants.class).names()).containsExactly("default");
			assertThat(post(app, PATH + "/default", this.main.id("by-name").build()).getResponse().getStatus())
				.isEqualTo(204);
			assertThat(post(app, PATH, this.main.id("by-serial").build()).getResponse().getStatus()).isEqualTo(204);
			assertRefused(post(app, PATH + "/hk", this.main.build()), 404, "UNKNOWN_MERCHANT");
			assertThat(app.listener().events()).extracting(ComplaintEvent::getMerchantName)
				.containsExactly("default", "default");
			assertThat(app.listener().events()).extracting(ComplaintEvent::getMerchantId)
				.containsOnly(Vectors.key("mchid"));
		}));
	}

	private static void assertRefused(MvcResult result, int status, String code) {
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).startsWith("application/json");
		assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
			.startsWith("{\"code\":\"" + code + "\",\"message\":\"");
	}

	private void run(Consumer<App> test) {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, ComplaintNotificationAutoConfiguration.class))
			.withUserConfiguration(Listeners.class, TwoMerchantsConfiguration.class)
			.run(App.started(test));
	}

	private static MvcResult post(App app, String path, SignedNotification notification) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(notification.body());
		notification.headers().forEach(request::header);
		return app.perform(request);
	}

	/** Merchants as a registry gives them: looked up by name and by serial. */
	static final class TwoMerchants implements NotificationMerchants {

		private final Map<String, NotificationMerchant> byName = new LinkedHashMap<>();

		private final Map<String, NotificationMerchant> bySerial = new LinkedHashMap<>();

		TwoMerchants() {
			add("main", MAIN_ID, new WechatPayPublicKey(Vectors.key("wechatpay_public_key_id"),
					PemKeys.publicKey(Vectors.key("wechatpay_public_key_pem"))), Vectors.key("api_v3_key"));
			add("hk", HK_ID, new WechatPayPublicKey(HK_KEY_ID, HK_KEYS.getPublic()), HK_API_V3_KEY);
		}

		private void add(String name, String merchantId, WechatPayPublicKey key, String apiV3Key) {
			NotificationMerchant merchant = new NotificationMerchant(name, merchantId, key, apiV3Key);
			this.byName.put(name, merchant);
			this.bySerial.put(key.id(), merchant);
		}

		@Override
		public Optional<NotificationMerchant> byName(String name) {
			return Optional.ofNullable(this.byName.get(name));
		}

		@Override
		public Optional<NotificationMerchant> bySerial(String wechatpaySerial) {
			return Optional.ofNullable(this.bySerial.get(wechatpaySerial));
		}

		@Override
		public Set<String> names() {
			return this.byName.keySet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoMerchantsConfiguration {

		@Bean
		TwoMerchants twoMerchants() {
			return new TwoMerchants();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(ComplaintNotificationEndpointTests.TestConfiguration.class)
	static class Listeners {

		@Bean
		HongKongListener hongKongListener() {
			return new HongKongListener();
		}

	}

	static class HongKongListener {

		final List<ComplaintEvent> events = new ArrayList<>();

		@EventListener(condition = "event.merchantName == 'hk'")
		void on(ComplaintEvent event) {
			this.events.add(event);
		}

	}

}
