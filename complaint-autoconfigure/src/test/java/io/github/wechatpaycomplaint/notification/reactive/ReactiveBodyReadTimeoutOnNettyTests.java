package io.github.wechatpaycomplaint.notification.reactive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationAutoConfiguration;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Reactor Netty, where the body's read deadline is a timer of the connection's event
 * loop, a body that stops arriving is still answered 400 once the read timeout has
 * passed, and no listener is told.
 */
class ReactiveBodyReadTimeoutOnNettyTests {

	private static final long NOW = 1_749_776_561L;

	@Test
	void aBodyThatStopsArrivingIs400AfterTheReadTimeout() throws IOException {
		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.REACTIVE)
			.properties(Vectors.merchantProperties())
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"wechatpay.complaint.notification.reactive.body-read-timeout=300ms")
			.run()) {
			int port = ((WebServerApplicationContext) application).getWebServer().getPort();
			SignedNotification notification = NotificationContexts.notificationWithVectorKeys(NOW).build();
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				socket.setSoTimeout(30_000);
				OutputStream out = socket.getOutputStream();
				StringBuilder head = new StringBuilder("POST " + NotificationContexts.PATH
						+ " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
						+ notification.body().length + "\r\n");
				notification.headers()
					.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
				out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
				out.write(notification.body(), 0, 10);
				out.flush();
				String answer = readAnswer(socket.getInputStream());
				assertThat(answer).startsWith("HTTP/1.1 400 ").contains("\"code\":\"MALFORMED_NOTIFICATION\"");
			}
			assertThat(application.getBean(Listener.class).calls).hasValue(0);
		}
	}

	// Reads until the server closes the connection or the JSON answer has ended.
	private static String readAnswer(InputStream in) throws IOException {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			answer.write(b);
			if (b == '}') {
				break;
			}
		}
		return answer.toString(StandardCharsets.UTF_8);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
			JacksonAutoConfiguration.class, WebFluxAutoConfiguration.class, ComplaintClientAutoConfiguration.class,
			ComplaintNotificationAutoConfiguration.class })
	static class App {

		@Bean
		Listener listener() {
			return new Listener();
		}

	}

	static class Listener {

		final AtomicInteger calls = new AtomicInteger();

		@EventListener
		void on(ComplaintNotificationEvent event) {
			this.calls.incrementAndGet();
		}

	}

}
