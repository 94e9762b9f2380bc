package io.github.wechatpaycomplaint;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Finds the constant of one of WeChat Pay's open enums by the text WeChat Pay writes.
 * Such an enum names its constants exactly as WeChat Pay spells the values (typos
 * included) and declares an {@code UNKNOWN} constant for a value WeChat Pay adds after
 * this release; the record holding the value keeps the text itself, so nothing is lost
 * and writing the record back reproduces what arrived.
 *
 * <p>
 * Each enum builds its lookup once, in a static field declared after its constants, and
 * exposes it as a lenient {@code from(String)} factory.
 *
 * @param <E> the enum
 * @since 0.1.0
 */
public final class OpenEnum<E extends Enum<E>> {

	/**
	 * Name of the constant every open enum declares for a value this version does not
	 * know.
	 */
	public static final String UNKNOWN = "UNKNOWN";

	private final Map<String, E> byText;

	private final E unknown;

	private OpenEnum(Class<E> type, Map<String, E> aliases) {
		this.unknown = Enum.valueOf(type, UNKNOWN);
		Map<String, E> byText = new HashMap<>(aliases);
		for (E constant : type.getEnumConstants()) {
			if (constant != this.unknown) {
				byText.put(constant.name(), constant);
			}
		}
		this.byText = Map.copyOf(byText);
	}

	/**
	 * The lookup of an enum whose constant names are WeChat Pay's texts.
	 * @param <E> the enum
	 * @param type the enum, which must declare {@code UNKNOWN}
	 * @return the lookup
	 */
	public static <E extends Enum<E>> OpenEnum<E> of(Class<E> type) {
		return new OpenEnum<>(type, Map.of());
	}

	/**
	 * The lookup of an enum that WeChat Pay also spells in other ways.
	 * @param <E> the enum
	 * @param type the enum, which must declare {@code UNKNOWN}
	 * @param aliases other documented spellings and their constant, e.g. a typo in WeChat
	 * Pay's changelog
	 * @return the lookup
	 */
	public static <E extends Enum<E>> OpenEnum<E> of(Class<E> type, Map<String, E> aliases) {
		return new OpenEnum<>(type, aliases);
	}

	/**
	 * Finds the constant for a text.
	 * @param text the text as WeChat Pay wrote it, may be {@code null}
	 * @return the constant, {@code UNKNOWN} for {@code null} or a text this version does
	 * not know
	 */
	public E from(@Nullable String text) {
		return (text != null) ? this.byText.getOrDefault(text, this.unknown) : this.unknown;
	}

}
