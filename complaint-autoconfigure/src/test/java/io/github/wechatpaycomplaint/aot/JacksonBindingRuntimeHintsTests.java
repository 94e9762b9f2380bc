package io.github.wechatpaycomplaint.aot;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.ComplaintMedia;
import io.github.wechatpaycomplaint.model.ComplaintPage;
import io.github.wechatpaycomplaint.model.ComplaintState;
import io.github.wechatpaycomplaint.model.PayerPhone;
import io.github.wechatpaycomplaint.model.message.MessageBlock;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.notification.event.ComplaintActionType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type Jackson binds for the starter has the reflection hints a native image needs.
 * The set of types is derived here independently of the registrar, from the shipped class
 * files: every class with a Jackson annotation on itself or a member, and every type of
 * the starter its record components lead to. A new record without hints fails this test.
 */
class JacksonBindingRuntimeHintsTests {

	private static final String BASE = "io.github.wechatpaycomplaint";

	// Both are costly (every class of the starter is read): once for all tests.
	private static final RuntimeHints HINTS = registeredHints();

	private static final Set<Class<?>> JACKSON_BOUND = jacksonBoundTypes();

	@Test
	void everyJacksonBoundTypeOfTheStarterHasItsHints() {
		assertThat(JACKSON_BOUND)
			.contains(Complaint.class, ComplaintMedia.class, ComplaintPage.class, ComplaintState.class,
					PayerPhone.class, MessageBlock.class, ComplaintReply.class, ComplaintActionType.class)
			.hasSizeGreaterThan(40);
		List<String> missing = JACKSON_BOUND.stream().flatMap((type) -> missingHints(HINTS, type).stream()).toList();
		assertThat(missing).isEmpty();
	}

	@Test
	void theWireRecordsInsideTheClientHaveTheirHintsToo() throws ClassNotFoundException {
		Class<?> answer = Class.forName(BASE + ".api.ImmediateServiceAnswer");
		assertThat(JACKSON_BOUND).contains(answer);
		assertThat(missingHints(HINTS, answer)).isEmpty();
	}

	@Test
	void creatorsNamingStrategyAndRecordsAreCovered() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(PayerPhone.class.getMethod("encrypted", String.class))).accepts(HINTS);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(PayerPhone.class.getMethod("ciphertext")))
			.accepts(HINTS);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ComplaintState.class.getMethod("from", String.class))).accepts(HINTS);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(PropertyNamingStrategies.SnakeCaseStrategy.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(HINTS);
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(canonicalConstructor(Complaint.class)))
			.accepts(HINTS);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Complaint.class.getMethod("complaintId")))
			.accepts(HINTS);
	}

	@Test
	void aJacksonRecordWithoutHintsIsReported() {
		// Jackson-bound, but outside the starter's jar: the registrar leaves it alone,
		// and the check above would name it.
		assertThat(JacksonBoundTypes.isJacksonBound(UnhintedAnswer.class)).isTrue();
		assertThat(missingHints(HINTS, UnhintedAnswer.class)).contains(
				"no type hint for " + UnhintedAnswer.class.getName(),
				"cannot invoke " + UnhintedAnswer.class.getName() + "#logId");
	}

	@Test
	void theApplicationsOwnClassesInTheStartersPackageAreNotScanned() {
		assertThat(JacksonBoundTypes.find(getClass().getClassLoader())).isNotEmpty()
			.doesNotContain(UnhintedAnswer.class)
			.allSatisfy((type) -> assertThat(type.getName()).startsWith(BASE + "."));
	}

	@Test
	void classesWithoutJacksonAnnotationsAreNotBound() {
		assertThat(JacksonBoundTypes.isJacksonBound(JacksonBindingRuntimeHints.class)).isFalse();
		assertThat(JacksonBoundTypes.find(getClass().getClassLoader()))
			.doesNotContain(io.github.wechatpaycomplaint.model.request.ImageUpload.class);
	}

	static RuntimeHints registeredHints() {
		RuntimeHints hints = new RuntimeHints();
		new JacksonBindingRuntimeHints().registerHints(hints, JacksonBindingRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

	// The shipped classes with a Jackson annotation anywhere, read from the class files,
	// and the starter's types their record components and generic arguments lead to.
	static Set<Class<?>> jacksonBoundTypes() {
		Deque<Class<?>> pending = new ArrayDeque<>();
		new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(BASE)
			.stream()
			.filter(JacksonBindingRuntimeHintsTests::carriesAJacksonAnnotation)
			.map(JavaClass::reflect)
			.forEach(pending::add);
		Set<Class<?>> types = new LinkedHashSet<>();
		while (!pending.isEmpty()) {
			Class<?> type = pending.pop();
			if (type.getName().startsWith(BASE + ".") && types.add(type) && type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					collect(ResolvableType.forType(component.getGenericType()), pending);
				}
			}
		}
		return types;
	}

	private static void collect(ResolvableType type, Deque<Class<?>> pending) {
		Class<?> resolved = type.resolve();
		if (resolved != null) {
			pending.add(resolved);
		}
		Arrays.stream(type.getGenerics()).forEach((generic) -> collect(generic, pending));
	}

	private static boolean carriesAJacksonAnnotation(JavaClass type) {
		Stream<JavaAnnotation<?>> onMembers = type.getMembers().stream().flatMap((member) -> {
			Stream<JavaAnnotation<?>> own = member.getAnnotations().stream().map((annotation) -> annotation);
			Stream<JavaAnnotation<?>> onParameters = (member instanceof JavaCodeUnit codeUnit)
					? codeUnit.getParameterAnnotations().stream().flatMap(Set::stream) : Stream.empty();
			return Stream.concat(own, onParameters);
		});
		return Stream
			.concat(type.getAnnotations().stream().map((annotation) -> (JavaAnnotation<?>) annotation), onMembers)
			.anyMatch((annotation) -> annotation.getRawType().isAnnotatedWith(JacksonBoundTypes.JACKSON_ANNOTATION));
	}

	// What Jackson reaches by reflection on a type, and the hints that allow it.
	static List<String> missingHints(RuntimeHints hints, Class<?> type) {
		List<String> missing = new ArrayList<>();
		if (!RuntimeHintsPredicates.reflection().onType(type).test(hints)) {
			missing.add("no type hint for " + type.getName());
		}
		if (type.isRecord()) {
			Constructor<?> canonical = canonicalConstructor(type);
			if (!RuntimeHintsPredicates.reflection().onConstructorInvocation(canonical).test(hints)) {
				missing.add("cannot invoke the canonical constructor of " + type.getName());
			}
			for (RecordComponent component : type.getRecordComponents()) {
				checkInvocable(hints, component.getAccessor(), missing);
			}
		}
		for (Method method : type.getDeclaredMethods()) {
			if (!method.isSynthetic() && !jacksonAnnotations(method).isEmpty()
					&& !jacksonAnnotations(method).contains("com.fasterxml.jackson.annotation.JsonIgnore")) {
				checkInvocable(hints, method, missing);
			}
		}
		MergedAnnotations.from(type)
			.stream()
			.filter((annotation) -> annotation.isMetaPresent() || isJackson(annotation))
			.forEach((annotation) -> annotation.asMap().values().forEach((value) -> {
				if (value instanceof Class<?> named && named != Void.class
						&& !RuntimeHintsPredicates.reflection()
							.onType(named)
							.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)
							.test(hints)) {
					missing.add("cannot instantiate " + named.getName() + " named on " + type.getName());
				}
			}));
		return missing;
	}

	private static void checkInvocable(RuntimeHints hints, Executable executable, List<String> missing) {
		boolean invocable = (executable instanceof Method method)
				? RuntimeHintsPredicates.reflection().onMethodInvocation(method).test(hints)
				: RuntimeHintsPredicates.reflection().onConstructorInvocation((Constructor<?>) executable).test(hints);
		if (!invocable) {
			missing.add("cannot invoke " + executable.getDeclaringClass().getName() + "#" + executable.getName());
		}
	}

	private static List<String> jacksonAnnotations(Method method) {
		return MergedAnnotations.from(method)
			.stream()
			.filter(JacksonBindingRuntimeHintsTests::isJackson)
			.map((annotation) -> annotation.getType().getName())
			.toList();
	}

	private static boolean isJackson(MergedAnnotation<?> annotation) {
		return annotation.getDistance() == 0
				&& MergedAnnotations.from(annotation.getType()).isPresent(JacksonBoundTypes.JACKSON_ANNOTATION);
	}

	private static Constructor<?> canonicalConstructor(Class<?> record) {
		Class<?>[] parameterTypes = Arrays.stream(record.getRecordComponents())
			.map(RecordComponent::getType)
			.toArray(Class<?>[]::new);
		try {
			return record.getDeclaredConstructor(parameterTypes);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record UnhintedAnswer(@JsonProperty("log_id") String logId) {

	}

}
