package io.github.wechatpaycomplaint.notification.event;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintActionTypeTests {

	@ParameterizedTest
	@EnumSource(ComplaintActionType.class)
	void everyActionHasItsOwnEventType(ComplaintActionType type) {
		ComplaintNotificationEvent event = notification(type.name(), type).toEvent();
		assertThat(event.getActionType()).isEqualTo(type);
		long sameClass = java.util.Arrays.stream(ComplaintActionType.values())
			.filter((other) -> notification(other.name(), other).toEvent().getClass() == event.getClass())
			.count();
		assertThat(sameClass).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(value = ComplaintActionType.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
	void knownValuesMapToTheirConstant(ComplaintActionType type) {
		assertThat(ComplaintActionType.from(type.name())).isEqualTo(type);
	}

	@Test
	void changelogMisspellingMapsToPlatformServiceApplied() {
		assertThat(ComplaintActionType.from("USER_APPLY_PLATFORM_SERIVCE"))
			.isEqualTo(ComplaintActionType.USER_APPLY_PLATFORM_SERVICE);
	}

	@Test
	void unknownAndMissingValuesMapToUnknown() {
		assertThat(ComplaintActionType.from("SOMETHING_NEW")).isEqualTo(ComplaintActionType.UNKNOWN);
		assertThat(ComplaintActionType.from("UNKNOWN")).isEqualTo(ComplaintActionType.UNKNOWN);
		assertThat(ComplaintActionType.from(null)).isEqualTo(ComplaintActionType.UNKNOWN);
	}

	@Test
	void toStringOfNotificationHidesTheResource() {
		ComplaintNotification notification = new ComplaintNotification("default", "1900000109", "n", "COMPLAINT.CREATE",
				OffsetDateTime.parse("2025-06-13T09:02:41+08:00"), "产生新投诉", "c-1", ComplaintActionType.CREATE_COMPLAINT,
				"CREATE_COMPLAINT", "{\"complaint_id\":\"c-1\",\"payer_phone\":\"13800000000\"}");
		assertThat(notification.toString()).contains("c-1").doesNotContain("13800000000");
		assertThat(notification.toEvent().toString()).contains("c-1").doesNotContain("13800000000");
	}

	private static ComplaintNotification notification(String raw, ComplaintActionType type) {
		return new ComplaintNotification("default", "1900000109", "n", "COMPLAINT.STATE_CHANGE",
				OffsetDateTime.parse("2025-06-13T09:02:41Z"), "", "c", type, raw, "{}");
	}

}
