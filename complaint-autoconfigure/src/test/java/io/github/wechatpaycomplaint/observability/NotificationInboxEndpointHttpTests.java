package io.github.wechatpaycomplaint.observability;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintInboxEndpointAutoConfiguration;
import io.github.wechatpaycomplaint.notification.inbox.InboxBacklog;
import io.github.wechatpaycomplaint.notification.inbox.InboxWorker;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import io.github.wechatpaycomplaint.testsupport.InboxScenes;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.actuate.web.WebMvcEndpointManagementContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox endpoint over HTTP through Actuator's Spring MVC mapping, exposed as an
 * application would expose it: GET reads, POST replays, DELETE discards, 404 for an entry
 * that is not parked, 400 for a limit out of bounds, and nothing at all while the
 * endpoint is not exposed.
 */
class NotificationInboxEndpointHttpTests {

	private static final String PATH = "/actuator/" + NotificationInboxEndpoint.ID;

	private final WebApplicationContextRunner runner = NotificationContexts.webRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				JacksonEndpointAutoConfiguration.class, WebMvcEndpointManagementContextConfiguration.class,
				ComplaintInboxEndpointAutoConfiguration.class))
		.withPropertyValues("wechatpay.complaint.notification.processing=durable");

	@Test
	void getShowsTheBacklogAndTheParkedEntriesWithoutTheirContent() {
		exposed((mvc, inbox) -> {
			InboxScenes.park(inbox, "default", "n-1", "c-1");
			InboxScenes.park(inbox, "default", "n-2", "c-2");
			inbox.record(InboxScenes.notification("default", "n-3", "c-3"));
			mvc.perform(get(PATH))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.pending").value(1))
				.andExpect(jsonPath("$.failed").value(2))
				.andExpect(jsonPath("$.oldestPendingAge").isString())
				.andExpect(jsonPath("$.entries.length()").value(2))
				.andExpect(jsonPath("$.entries[0].merchant").value("default"))
				.andExpect(jsonPath("$.entries[0].notificationId").value("n-1"))
				.andExpect(jsonPath("$.entries[0].complaintId").value("c-1"))
				.andExpect(jsonPath("$.entries[0].eventType").value("COMPLAINT.STATE_CHANGE"))
				.andExpect(jsonPath("$.entries[0].createTime").value("2025-06-13T09:02:41+08:00"))
				.andExpect(jsonPath("$.entries[0].attempts").value(1))
				.andExpect(jsonPath("$.entries[0].lastError").value("java.lang.IllegalStateException"))
				.andExpect(content().string(not(containsString("13800138000"))));
			mvc.perform(get(PATH).param("limit", "1"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.entries.length()").value(1));
		});
	}

	@Test
	void aLimitOutOfBoundsIsABadRequest() {
		exposed((mvc, inbox) -> {
			mvc.perform(get(PATH).param("limit", "0")).andExpect(status().isBadRequest());
			mvc.perform(get(PATH).param("limit", "501")).andExpect(status().isBadRequest());
			mvc.perform(get(PATH).param("limit", "500")).andExpect(status().isOk());
		});
	}

	@Test
	void postReplaysOneOrAll() {
		exposed((mvc, inbox) -> {
			InboxScenes.park(inbox, "default", "n-1", "c-1");
			InboxScenes.park(inbox, "default", "n-2", "c-2");
			InboxScenes.park(inbox, "default", "n-3", "c-3");
			mvc.perform(post(PATH + "/default/n-1"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.change").value("REPLAYED"));
			assertThat(inbox.backlog().pending()).isOne();
			mvc.perform(post(PATH + "/default/n-1"))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.change").value("NOT_PARKED"));
			mvc.perform(post(PATH + "/other-merchant/n-2")).andExpect(status().isNotFound());
			mvc.perform(post(PATH)).andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(2));
			assertThat(inbox.backlog()).isEqualTo(new InboxBacklog(3, 0, inbox.backlog().oldestPendingSince()));
		});
	}

	@Test
	void deleteDiscardsOne() {
		exposed((mvc, inbox) -> {
			InboxScenes.park(inbox, "default", "n-1", "c-1");
			mvc.perform(delete(PATH + "/default/n-1"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.change").value("DISCARDED"));
			assertThat(inbox.backlog()).isEqualTo(InboxBacklog.EMPTY);
			mvc.perform(delete(PATH + "/default/n-1")).andExpect(status().isNotFound());
		});
	}

	@Test
	void anEndpointThatIsNotExposedIsNotMapped() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			mvc.perform(get(PATH)).andExpect(status().isNotFound());
			mvc.perform(post(PATH)).andExpect(status().isNotFound());
		});
	}

	private void exposed(Scene scene) {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=" + NotificationInboxEndpoint.ID)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// Parked entries stay parked: no worker claims them under the test.
				context.getBean(InboxWorker.class).stop();
				scene.play(MockMvcBuilders.webAppContextSetup(context).build(),
						context.getBean(NotificationInbox.class));
			});
	}

	@FunctionalInterface
	private interface Scene {

		void play(MockMvc mvc, NotificationInbox inbox) throws Exception;

	}

}
