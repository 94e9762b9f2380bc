package io.github.wechatpaycomplaint.autoconfigure;

import java.util.Arrays;
import java.util.List;

import io.github.wechatpaycomplaint.autoconfigure.RedirectRefusingBuilders.ReflectiveSwitch;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * The reflective calls of {@link RedirectRefusingBuilders} for native images: for each
 * HTTP client library on the classpath (Apache HttpClient 5, Jetty, Reactor Netty), its
 * builder's {@code withHttpClientCustomizer} and the client method that switches redirect
 * following off. Libraries that are absent get no hint.
 */
class RedirectRefusingBuildersRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (ReflectiveSwitch reflective : RedirectRefusingBuilders.REFLECTIVE_SWITCHES) {
			if (!ClassUtils.isPresent(reflective.clientType(), classLoader)) {
				continue;
			}
			hints.reflection()
				.registerType(TypeReference.of(reflective.clientType()),
						(type) -> type.withMethod(reflective.switchOff(), typeReferences(reflective.parameterTypes()),
								ExecutableMode.INVOKE));
			hints.reflection()
				.registerType(reflective.builderType(),
						(type) -> type.withMethod(RedirectRefusingBuilders.CUSTOMIZER_METHOD,
								List.of(TypeReference.of(reflective.customizerType())), ExecutableMode.INVOKE));
		}
	}

	private static List<TypeReference> typeReferences(Class<?>[] types) {
		return Arrays.stream(types).map(TypeReference::of).toList();
	}

}
