package io.github.wechatpaycomplaint.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * Binding hints for {@link MerchantEntryProperties}: the entries under
 * {@code wechatpay.complaint.merchants} are bound and validated by
 * {@link MerchantEntryResolver} through a {@code Binder}, not as a
 * {@code @ConfigurationProperties} bean, so Spring Boot's own hints do not cover them.
 * The groups the entry holds (merchant, client, notification...) are registered with it:
 * Spring Boot follows only groups declared inside the bound class.
 */
class MerchantEntryRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		List<Class<?>> types = new ArrayList<>();
		types.add(MerchantEntryProperties.class);
		for (Field field : MerchantEntryProperties.class.getDeclaredFields()) {
			if (!Modifier.isStatic(field.getModifiers())) {
				types.add(field.getType());
			}
		}
		BindableRuntimeHintsRegistrar.forTypes(types).registerHints(hints, classLoader);
	}

}
