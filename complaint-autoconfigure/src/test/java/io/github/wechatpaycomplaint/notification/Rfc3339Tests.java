package io.github.wechatpaycomplaint.notification;

import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class Rfc3339Tests {

	@ParameterizedTest
	@ValueSource(strings = { "2025-06-13T09:02:41+08:00", "2015-05-20T13:29:35.120+08:00", "2025-06-13T01:02:41Z",
			"2025-06-13T01:02:41.123456789-03:30", "2025-06-13T01:02:41.1z" })
	void parsesLikeOffsetDateTime(String text) {
		assertThat(Rfc3339.parse(text)).isEqualTo(OffsetDateTime.parse(text.replace('z', 'Z')));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "yesterday", "2025-06-13", "2025-06-13T09:02:41", "2025-13-13T09:02:41+08:00",
			"2025-06-13T25:02:41+08:00", "2025-06-13T09:02:41+8:00", "2025-06-13T09:02:41+08:00x",
			"2025-06-13 09:02:41+08:00", "2025-06-1aT09:02:41+08:00" })
	void refusesWhatIsNotAnRfc3339DateTimeWithOffset(String text) {
		assertThat(Rfc3339.parse(text)).isNull();
	}

}
