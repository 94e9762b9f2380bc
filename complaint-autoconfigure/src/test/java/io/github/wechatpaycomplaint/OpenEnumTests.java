package io.github.wechatpaycomplaint;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.ClassMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The lookup shared by WeChat Pay's open enums, and every open enum the starter ships:
 * each known text finds its constant, any other text finds {@code UNKNOWN}, in code and
 * in JSON.
 */
class OpenEnumTests {

	private static final String NEW_VALUE = "SOMETHING_WECHAT_ADDS_IN_2027";

	private final JsonMapper mapper = new JsonMapper();

	@Test
	void findsEachConstantByWechatPaysText() {
		OpenEnum<Fruit> fruits = OpenEnum.of(Fruit.class);
		assertThat(fruits.from("APPLE")).isEqualTo(Fruit.APPLE);
		assertThat(fruits.from("PEAR")).isEqualTo(Fruit.PEAR);
	}

	@Test
	void findsAnAliasedSpelling() {
		OpenEnum<Fruit> fruits = OpenEnum.of(Fruit.class, Map.of("APPEL", Fruit.APPLE));
		assertThat(fruits.from("APPEL")).isEqualTo(Fruit.APPLE);
		assertThat(fruits.from("APPLE")).isEqualTo(Fruit.APPLE);
	}

	@Test
	void readsNullAndEveryOtherTextAsUnknown() {
		OpenEnum<Fruit> fruits = OpenEnum.of(Fruit.class);
		assertThat(fruits.from(null)).isEqualTo(Fruit.UNKNOWN);
		assertThat(fruits.from(NEW_VALUE)).isEqualTo(Fruit.UNKNOWN);
		assertThat(fruits.from("apple")).isEqualTo(Fruit.UNKNOWN);
		assertThat(fruits.from("UNKNOWN")).isEqualTo(Fruit.UNKNOWN);
	}

	@Test
	void refusesAnEnumWithoutUnknown() {
		assertThatIllegalArgumentException().isThrownBy(() -> OpenEnum.of(Closed.class));
	}

	@Test
	void findsTheOpenEnumsOfEveryPackage() throws Exception {
		assertThat(openEnums()).extracting(Class::getSimpleName)
			.contains("ComplaintState", "OperateType", "MchLanguage", "RefundAction", "MessageBlockType",
					"SenderIdentity", "ComplaintActionType")
			.hasSize(17);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("openEnums")
	<E extends Enum<E>> void everyOpenEnumFindsItsConstantsAndReadsAnyOtherTextAsUnknown(Class<E> type)
			throws ReflectiveOperationException {
		Method from = type.getMethod("from", String.class);
		E unknown = Enum.valueOf(type, OpenEnum.UNKNOWN);
		assertThat(from.invoke(null, NEW_VALUE)).isSameAs(unknown);
		assertThat(from.invoke(null, (Object) null)).isSameAs(unknown);
		assertThat(this.mapper.readValue("\"" + NEW_VALUE + "\"", type)).isSameAs(unknown);
		for (E constant : type.getEnumConstants()) {
			assertThat(from.invoke(null, constant.name())).isSameAs(constant);
			assertThat(this.mapper.readValue("\"" + constant.name() + "\"", type)).isSameAs(constant);
			assertThat(this.mapper.writeValueAsString(constant)).isEqualTo("\"" + constant.name() + "\"");
		}
	}

	// Every shipped enum with a static from(String), so an open enum added later is
	// checked without listing it here.
	static List<Class<?>> openEnums() throws IOException, ClassNotFoundException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		MetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
		List<Class<?>> enums = new ArrayList<>();
		for (Resource resource : resolver.getResources("classpath*:io/github/wechatpaycomplaint/**/*.class")) {
			ClassMetadata metadata = readers.getMetadataReader(resource).getClassMetadata();
			if (Enum.class.getName().equals(metadata.getSuperClassName())) {
				Class<?> type = ClassUtils.forName(metadata.getClassName(), null);
				if (hasLenientFactory(type)) {
					enums.add(type);
				}
			}
		}
		enums.sort(Comparator.comparing(Class::getName));
		return enums;
	}

	private static boolean hasLenientFactory(Class<?> type) {
		try {
			return Modifier.isStatic(type.getMethod("from", String.class).getModifiers());
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	private enum Fruit {

		APPLE, PEAR, UNKNOWN

	}

	private enum Closed {

		APPLE

	}

}
