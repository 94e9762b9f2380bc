package io.github.wechatpaycomplaint.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.SimpleClientHttpRequestFactoryBuilder;
import org.springframework.util.ClassUtils;

/**
 * Makes the application's {@link ClientHttpRequestFactoryBuilder} safe for the signed
 * client: the application's own customizers may turn redirect following on, which would
 * carry the merchant's signature to the host a {@code Location} names. The builder is
 * kept (it may set a proxy or TLS), with a customizer that switches following off
 * appended after the application's, so that it runs last. A builder of a type the starter
 * does not know is not used: the starter detects its own, and says so once.
 */
final class RedirectRefusingBuilders {

	private static final Log logger = LogFactory.getLog(RedirectRefusingBuilders.class);

	private RedirectRefusingBuilders() {
	}

	/**
	 * The builder for the signed client.
	 * @param application the application's builder bean, if any
	 * @return a builder whose clients never follow a redirect once built with
	 * {@code HttpRedirects.DONT_FOLLOW}
	 */
	static ClientHttpRequestFactoryBuilder<?> neverFollowing(@Nullable ClientHttpRequestFactoryBuilder<?> application) {
		if (application == null) {
			return detected();
		}
		ClientHttpRequestFactoryBuilder<?> known = neverFollowingKnown(application);
		if (known != null) {
			return known;
		}
		logger.warn("The application's ClientHttpRequestFactoryBuilder (" + application.getClass().getName()
				+ ") is not one of Spring Boot's (JDK, Apache HttpClient 5, Jetty, Reactor Netty, Simple): the starter "
				+ "cannot make sure that it never follows a redirect, so the WeChat Pay client detects its own "
				+ "instead. To give that client a proxy or TLS settings, declare a WechatPayRestClientCustomizer, or "
				+ "declare one of Spring Boot's builders");
		return detected();
	}

	// Boot detects one of its own builders, which all honour HttpRedirects.DONT_FOLLOW.
	private static ClientHttpRequestFactoryBuilder<?> detected() {
		ClientHttpRequestFactoryBuilder<?> detected = ClientHttpRequestFactoryBuilder.detect();
		ClientHttpRequestFactoryBuilder<?> known = neverFollowingKnown(detected);
		return (known != null) ? known : detected;
	}

	private static @Nullable ClientHttpRequestFactoryBuilder<?> neverFollowingKnown(
			ClientHttpRequestFactoryBuilder<?> builder) {
		if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
			return jdk.withHttpClientCustomizer((client) -> client.followRedirects(HttpClient.Redirect.NEVER));
		}
		// Its connection is prepared from the settings (DONT_FOLLOW); no customizer can
		// turn following back on.
		if (builder instanceof SimpleClientHttpRequestFactoryBuilder) {
			return builder;
		}
		// The three below name optional libraries in their customizer types, so they are
		// reached by name: the
		// starter compiles and runs without them.
		if (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder) {
			return withClientCustomizer(builder, Consumer.class,
					"org.apache.hc.client5.http.impl.classic.HttpClientBuilder", "disableRedirectHandling");
		}
		if (builder instanceof JettyClientHttpRequestFactoryBuilder) {
			return withClientCustomizer(builder, Consumer.class, "org.eclipse.jetty.client.HttpClient",
					"setFollowRedirects", false);
		}
		if (builder instanceof ReactorClientHttpRequestFactoryBuilder) {
			return withClientCustomizer(builder, UnaryOperator.class, "reactor.netty.http.client.HttpClient",
					"followRedirect", false);
		}
		return null;
	}

	// builder.withHttpClientCustomizer(client -> client.<switchOff>(args)), the
	// customizer a Consumer or a
	// UnaryOperator (whose result replaces the client).
	private static ClientHttpRequestFactoryBuilder<?> withClientCustomizer(ClientHttpRequestFactoryBuilder<?> builder,
			Class<?> customizerType, String clientType, String switchOff, Object... args) {
		try {
			Class<?> client = ClassUtils.forName(clientType, builder.getClass().getClassLoader());
			Method method = client.getMethod(switchOff,
					(args.length == 0) ? new Class<?>[0] : new Class<?>[] { boolean.class });
			Object customizer = (customizerType == Consumer.class)
					? (Consumer<Object>) (target) -> invoke(method, target, args)
					: (UnaryOperator<Object>) (target) -> invoke(method, target, args);
			Method with = builder.getClass().getMethod("withHttpClientCustomizer", customizerType);
			return (ClientHttpRequestFactoryBuilder<?>) with.invoke(builder, customizer);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			throw new IllegalStateException("Cannot switch redirect following off on " + builder.getClass().getName(),
					ex);
		}
	}

	private static Object invoke(Method method, Object target, Object[] args) {
		try {
			Object result = method.invoke(target, args);
			return (result != null) ? result : target;
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}
