package io.github.wechatpaycomplaint.autoconfigure;

import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.wechatpaycomplaint.autoconfigure.RedirectRefusingBuilders.ReflectiveSwitch;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ByteArrayClassLoader;
import net.bytebuddy.implementation.FixedValue;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.ExecutableHint;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reflective calls that switch redirect following off on Apache HttpClient 5, Jetty
 * and Reactor Netty builders are registered for native images when the library is
 * present, and not at all when it is absent. The libraries are not on the test classpath
 * (they would change the detected client of every other test), so stand-in classes with
 * their names and switch methods play them.
 */
class RedirectRefusingBuildersRuntimeHintsTests {

	private static final List<ReflectiveSwitch> SWITCHES = RedirectRefusingBuilders.REFLECTIVE_SWITCHES;

	@Test
	void eachPresentLibrarysSwitchAndItsBuildersCustomizerMethodAreInvocable() throws Exception {
		ClassLoader libraries = standInLibraries();
		RuntimeHints hints = new RuntimeHints();
		new RedirectRefusingBuildersRuntimeHints().registerHints(hints, libraries);
		assertThat(SWITCHES).hasSize(3).allSatisfy((reflective) -> {
			Class<?> client = libraries.loadClass(reflective.clientType());
			assertThat(RuntimeHintsPredicates.reflection()
				.onMethodInvocation(client.getMethod(reflective.switchOff(), reflective.parameterTypes())))
				.accepts(hints);
			TypeHint builder = hints.reflection().getTypeHint(reflective.builderType());
			assertThat(builder).as(reflective.builderType().getName()).isNotNull();
			assertThat(builder.methods()).singleElement().satisfies((method) -> isCustomizerMethod(method, reflective));
		});
	}

	@Test
	void absentLibrariesGetNoHints() {
		ClassLoader withoutLibraries = new FilteredClassLoader(
				SWITCHES.stream().map(ReflectiveSwitch::clientType).toArray(String[]::new));
		RuntimeHints hints = new RuntimeHints();
		new RedirectRefusingBuildersRuntimeHints().registerHints(hints, withoutLibraries);
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

	private static void isCustomizerMethod(ExecutableHint method, ReflectiveSwitch reflective) {
		assertThat(method.getName()).isEqualTo(RedirectRefusingBuilders.CUSTOMIZER_METHOD);
		assertThat(method.getParameterTypes()).containsExactly(TypeReference.of(reflective.customizerType()));
		assertThat(method.getMode()).isEqualTo(ExecutableMode.INVOKE);
	}

	// A class loader with a class of each library's name that has its switch method.
	private static ClassLoader standInLibraries() {
		Map<String, byte[]> classes = new HashMap<>();
		for (ReflectiveSwitch reflective : SWITCHES) {
			byte[] bytes = new ByteBuddy().subclass(Object.class)
				.name(reflective.clientType())
				.defineMethod(reflective.switchOff(), Object.class, Visibility.PUBLIC)
				.withParameters((Type[]) reflective.parameterTypes())
				.intercept(FixedValue.nullValue())
				.make()
				.getBytes();
			classes.put(reflective.clientType(), bytes);
		}
		return new ByteArrayClassLoader(RedirectRefusingBuildersRuntimeHintsTests.class.getClassLoader(), classes);
	}

}
