package io.github.wechatpaycomplaint.testsupport;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationAutoConfiguration;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A servlet or a reactive application with the starter configured for the merchant of the
 * official SDK vectors.
 */
public final class NotificationContexts {

	public static final String PATH = "/wechatpay/complaint-notifications";

	private NotificationContexts() {
	}

	public static WebApplicationContextRunner webRunner() {
		return new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
							DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
							ComplaintClientAutoConfiguration.class, ComplaintNotificationAutoConfiguration.class))
			.withPropertyValues(Vectors.merchantProperties());
	}

	public static ReactiveWebApplicationContextRunner reactiveRunner() {
		return new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebFluxAutoConfiguration.class,
					ComplaintClientAutoConfiguration.class, ComplaintNotificationAutoConfiguration.class))
			.withPropertyValues(Vectors.merchantProperties());
	}

	/**
	 * A notification signed and encrypted, by the simulator's builder, with the keys of
	 * the official SDK vectors (the merchant these contexts configure), created at a
	 * fixed time.
	 * @param timestamp the {@code Wechatpay-Timestamp} in Unix seconds
	 */
	public static SignedNotificationBuilder notificationWithVectorKeys(long timestamp) {
		return SignedNotificationBuilder.create()
			.signingKey(PemKeys.privateKey(Vectors.key("wechatpay_private_key_pkcs8_pem_for_signing_test_answers")))
			.serial(Vectors.key("wechatpay_public_key_id"))
			.apiV3Key(Vectors.key("api_v3_key"))
			.createTime(OffsetDateTime.parse("2025-06-13T09:02:41+08:00"))
			.timestamp(Instant.ofEpochSecond(timestamp));
	}

	/** A POST of a signed notification, as WeChat Pay sends it. */
	public static MockHttpServletRequestBuilder post(SignedNotification notification) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.content(notification.body());
		for (Map.Entry<String, String> header : notification.headers().entrySet()) {
			request.header(header.getKey(), header.getValue());
		}
		return request;
	}

}
