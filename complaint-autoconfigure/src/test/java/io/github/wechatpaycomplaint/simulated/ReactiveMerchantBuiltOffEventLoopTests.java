package io.github.wechatpaycomplaint.simulated;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintMerchantsAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationAutoConfiguration;
import io.github.wechatpaycomplaint.notification.reactive.ReactiveComplaintNotificationEndpoint;
import io.github.wechatpaycomplaint.simulator.MerchantRegion;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.AbstractResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On WebFlux a merchant is built (its private key loaded and parsed through the
 * ResourceLoader, its RestClient built, ...) only on the endpoint's own threads, never on
 * the Netty event loop: a request anyone can send (a GET to {@code <path>/<name>}) only
 * has the name looked up, and a POST builds the merchant where the listeners run.
 */
class ReactiveMerchantBuiltOffEventLoopTests {

	private static final String PATH = "/wechatpay/complaint-notifications";

	// A file location, as in production; the resolver below intercepts it.
	private static final String PROBE = "file:/nonexistent/review-probe/hk-apiclient_key.pem";

	static final List<String> keyLoadedOn = new CopyOnWriteArrayList<>();

	private WechatPayComplaintSimulator simulator;

	private ConfigurableApplicationContext application;

	@AfterEach
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
		if (this.simulator != null) {
			this.simulator.close();
		}
	}

	@Test
	void aMerchantIsNeverBuiltOnAnEventLoopThread() throws Exception {
		this.simulator = WechatPayComplaintSimulator.start(SimulatorSettings.defaults()
			.merchant("cn", (merchant) -> merchant.keys(StarterClient.KEYS))
			.merchant("hk",
					(merchant) -> merchant.keys(ManyMerchantsEndToEndTests.HK_KEYS).region(MerchantRegion.HONG_KONG)));
		String hkKey = this.simulator.applicationProperties()
			.get("wechatpay.complaint.merchants.hk.merchant.private-key");
		List<String> properties = new ArrayList<>();
		this.simulator.applicationProperties()
			.forEach((key, value) -> properties.add(
					key + "=" + (key.equals("wechatpay.complaint.merchants.hk.merchant.private-key") ? PROBE : value)));
		properties.addAll(List.of("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off"));
		this.application = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
			.initializers((context) -> context.addProtocolResolver((location, loader) -> {
				if (!location.equals(PROBE)) {
					return null;
				}
				return new AbstractResource() {
					@Override
					public String getDescription() {
						return "probe";
					}

					@Override
					public boolean exists() {
						return true;
					}

					@Override
					public InputStream getInputStream() {
						keyLoadedOn.add(Thread.currentThread().getName() + " nonBlocking="
								+ Schedulers.isInNonBlockingThread());
						return new ByteArrayInputStream(hkKey.getBytes(StandardCharsets.UTF_8));
					}
				};
			}))
			.properties(properties.toArray(String[]::new))
			.run();
		int port = ((WebServerApplicationContext) this.application).getWebServer().getPort();
		// The start-up check of the merchants reads the key on the main thread.
		keyLoadedOn.clear();
		URI hk = URI.create("http://127.0.0.1:" + port + PATH + "/hk");
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> get = http.send(HttpRequest.newBuilder(hk).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(get.statusCode()).isEqualTo(405);
		assertThat(keyLoadedOn).as("threads that loaded hk's private key for a GET").isEmpty();
		HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(hk)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(unsigned.statusCode()).isEqualTo(401);
		assertThat(keyLoadedOn).as("threads that loaded hk's private key").isNotEmpty();
		assertThat(keyLoadedOn).allSatisfy(
				(thread) -> assertThat(thread).startsWith(ReactiveComplaintNotificationEndpoint.THREAD_NAME_PREFIX)
					.endsWith("nonBlocking=false"));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
			JacksonAutoConfiguration.class, WebFluxAutoConfiguration.class, HttpClientAutoConfiguration.class,
			ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
			ComplaintClientAutoConfiguration.class, ComplaintMerchantsAutoConfiguration.class,
			ComplaintNotificationAutoConfiguration.class })
	static class App {

	}

}
