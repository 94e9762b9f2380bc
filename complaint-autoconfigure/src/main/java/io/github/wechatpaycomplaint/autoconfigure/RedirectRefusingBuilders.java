package io.github.wechatpaycomplaint.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.util.List;
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

	/** The builder method that takes the HTTP client customizer. */
	static final String CUSTOMIZER_METHOD = "withHttpClientCustomizer";

	/**
	 * The builders whose customizer types name optional libraries: they are reached by
	 * name and by reflection, so that the starter compiles and runs without them (and
	 * {@link RedirectRefusingBuildersRuntimeHints} registers the same calls for native
	 * images).
	 */
	static final List<ReflectiveSwitch> REFLECTIVE_SWITCHES = List.of(
			new ReflectiveSwitch(HttpComponentsClientHttpRequestFactoryBuilder.class, Consumer.class,
					"org.apache.hc.client5.http.impl.classic.HttpClientBuilder", "disableRedirectHandling", false),
			new ReflectiveSwitch(JettyClientHttpRequestFactoryBuilder.class, Consumer.class,
					"org.eclipse.jetty.client.HttpClient", "setFollowRedirects", true),
			new ReflectiveSwitch(ReactorClientHttpRequestFactoryBuilder.class, UnaryOperator.class,
					"reactor.netty.http.client.HttpClient", "followRedirect", true));

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
		for (ReflectiveSwitch reflective : REFLECTIVE_SWITCHES) {
			if (reflective.builderType().isInstance(builder)) {
				return withClientCustomizer(builder, reflective);
			}
		}
		return null;
	}

	// builder.withHttpClientCustomizer(client -> client.<switchOff>(false?)), the
	// customizer a Consumer or a UnaryOperator (whose result replaces the client).
	private static ClientHttpRequestFactoryBuilder<?> withClientCustomizer(ClientHttpRequestFactoryBuilder<?> builder,
			ReflectiveSwitch reflective) {
		try {
			Class<?> client = ClassUtils.forName(reflective.clientType(), builder.getClass().getClassLoader());
			Method method = client.getMethod(reflective.switchOff(), reflective.parameterTypes());
			Object[] args = reflective.arguments();
			Object customizer = (reflective.customizerType() == Consumer.class)
					? (Consumer<Object>) (target) -> invoke(method, target, args)
					: (UnaryOperator<Object>) (target) -> invoke(method, target, args);
			Method with = builder.getClass().getMethod(CUSTOMIZER_METHOD, reflective.customizerType());
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

	/**
	 * How redirect following is switched off on a builder's HTTP client.
	 *
	 * @param builderType the Spring Boot builder
	 * @param customizerType the parameter type of its {@code withHttpClientCustomizer}
	 * @param clientType the HTTP client (or its builder) the customizer is given
	 * @param switchOff the client's method that switches following off
	 * @param takesFalse whether that method takes {@code false} (else no argument)
	 */
	record ReflectiveSwitch(Class<?> builderType, Class<?> customizerType, String clientType, String switchOff,
			boolean takesFalse) {

		Class<?>[] parameterTypes() {
			return this.takesFalse ? new Class<?>[] { boolean.class } : new Class<?>[0];
		}

		Object[] arguments() {
			return this.takesFalse ? new Object[] { false } : new Object[0];
		}

	}

}
