package io.github.wechatpaycomplaint.notification.inbox;

import java.sql.SQLIntegrityConstraintViolationException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last error kept in the inbox names the exception and its causes, and keeps none of
 * their messages, which may carry personal data.
 */
class InboxErrorsTests {

	@Test
	void namesTheExceptionAndItsCausesWithoutTheirMessages() {
		Exception failure = new DataIntegrityViolationException("could not insert reply for 13800138000",
				new SQLIntegrityConstraintViolationException("Duplicate entry '13800138000' for key 'phone'"));
		assertThat(InboxErrors.describe(failure))
			.isEqualTo("org.springframework.dao.DataIntegrityViolationException <- "
					+ "java.sql.SQLIntegrityConstraintViolationException")
			.doesNotContain("13800138000");
	}

	@Test
	void aCauseCycleEndsAndTheTextFitsTheColumn() {
		IllegalStateException first = new IllegalStateException("a");
		IllegalArgumentException second = new IllegalArgumentException("b", first);
		first.initCause(second);
		assertThat(InboxErrors.describe(first))
			.isEqualTo("java.lang.IllegalStateException <- java.lang.IllegalArgumentException");
		Throwable deep = new AssertionError("x");
		for (int i = 0; i < 100; i++) {
			deep = new IllegalStateException(deep);
		}
		assertThat(InboxErrors.describe(deep)).hasSize(InboxErrors.MAX_LENGTH);
	}

}
