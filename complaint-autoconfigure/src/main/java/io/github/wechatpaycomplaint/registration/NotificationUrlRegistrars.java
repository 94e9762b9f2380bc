package io.github.wechatpaycomplaint.registration;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Registers the notification URL of each of several merchants with WeChat Pay once the
 * application is ready, each with its own client: a merchant's failure is its own
 * (logged, or thrown when that merchant asked to fail), the others still register.
 *
 * @since 0.1.0
 */
public final class NotificationUrlRegistrars implements ApplicationListener<ApplicationReadyEvent> {

	private final List<NotificationUrlRegistrar> registrars;

	/**
	 * Creates the registrars.
	 * @param registrars one per merchant, in the order they register
	 */
	public NotificationUrlRegistrars(List<NotificationUrlRegistrar> registrars) {
		this.registrars = List.copyOf(registrars);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		registerAll();
	}

	/**
	 * Registers every merchant's URL now.
	 * @throws NotificationUrlRegistrationException after every merchant was tried, for
	 * the first merchant that failed and asked to stop the application
	 */
	public void registerAll() {
		NotificationUrlRegistrationException first = null;
		for (NotificationUrlRegistrar registrar : this.registrars) {
			try {
				registrar.register();
			}
			catch (NotificationUrlRegistrationException ex) {
				first = (first != null) ? first : ex;
			}
		}
		if (first != null) {
			throw first;
		}
	}

	/**
	 * The registrars, one per merchant.
	 * @return the registrars
	 */
	public List<NotificationUrlRegistrar> getRegistrars() {
		return this.registrars;
	}

	/**
	 * The registrar of a merchant.
	 * @param merchantName the entry name
	 * @return its registrar, or empty when it registers nothing
	 */
	public Optional<NotificationUrlRegistrar> find(String merchantName) {
		return this.registrars.stream()
			.filter((registrar) -> registrar.getMerchantName().filter(merchantName::equals).isPresent())
			.findFirst();
	}

	@Override
	public String toString() {
		return "NotificationUrlRegistrars" + this.registrars;
	}

}
