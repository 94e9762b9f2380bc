package io.github.wechatpaycomplaint.simulated;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintApiAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintMerchantsAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintObservabilityAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintReconciliationAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintRegistrationAutoConfiguration;
import io.github.wechatpaycomplaint.client.WechatPayRestClientCustomizer;
import io.github.wechatpaycomplaint.event.ComplaintEvent;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * An application on a real Tomcat port with the whole starter, its merchants configured
 * under {@code wechatpay.complaint.merchants.<name>.*} only, each pointed at its own
 * simulator. It records the complaint events and the URI of every WeChat Pay call.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, JacksonAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
		WebMvcAutoConfiguration.class, HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
		RestClientAutoConfiguration.class, ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class,
		ComplaintMerchantsAutoConfiguration.class, ComplaintNotificationAutoConfiguration.class,
		ComplaintRegistrationAutoConfiguration.class, ComplaintReconciliationAutoConfiguration.class,
		ComplaintObservabilityAutoConfiguration.class })
class ManyMerchantsApplication {

	static final String PATH = "/wechatpay/complaint-notifications";

	@Bean
	SimpleMeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	Recorded recorded() {
		return new Recorded();
	}

	@Bean
	WechatPayRestClientCustomizer callRecorder(Recorded recorded) {
		return (builder) -> builder.requestInterceptor((request, body, execution) -> {
			recorded.calls.add(request.getURI());
			return execution.execute(request, body);
		});
	}

	/**
	 * Starts the application.
	 * @param merchants the simulator of each entry name
	 * @param more further properties
	 * @return the running application
	 */
	static ConfigurableApplicationContext start(Map<String, WechatPayComplaintSimulator> merchants, String... more) {
		List<String> properties = new ArrayList<>();
		merchants.forEach((name, simulator) -> properties.addAll(entry(name, simulator)));
		properties.addAll(List.of("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off"));
		properties.addAll(List.of(more));
		return new SpringApplicationBuilder(ManyMerchantsApplication.class).web(WebApplicationType.SERVLET)
			.properties(properties.toArray(String[]::new))
			.run();
	}

	/**
	 * A simulator's properties moved under an entry name.
	 * @param name the entry name
	 * @param simulator the simulator
	 * @return {@code wechatpay.complaint.merchants.<name>.*=...}
	 */
	static List<String> entry(String name, WechatPayComplaintSimulator simulator) {
		Map<String, String> entry = new LinkedHashMap<>();
		simulator.applicationProperties()
			.forEach((key, value) -> entry
				.put(key.replace("wechatpay.complaint.", "wechatpay.complaint.merchants." + name + "."), value));
		return entry.entrySet().stream().map((property) -> property.getKey() + "=" + property.getValue()).toList();
	}

	static URI url(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/** What the application saw: complaint events and WeChat Pay calls. */
	static final class Recorded {

		final List<ComplaintEvent> events = new CopyOnWriteArrayList<>();

		final List<URI> calls = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ComplaintEvent event) {
			this.events.add(event);
		}

		List<ComplaintEvent> eventsOf(String complaintId) {
			return this.events.stream().filter((event) -> event.getComplaintId().equals(complaintId)).toList();
		}

		List<URI> callsTo(WechatPayComplaintSimulator simulator) {
			return this.calls.stream().filter((uri) -> uri.getPort() == simulator.port()).toList();
		}

	}

}
