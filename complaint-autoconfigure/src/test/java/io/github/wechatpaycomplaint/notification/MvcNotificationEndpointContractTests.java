package io.github.wechatpaycomplaint.notification;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationAutoConfiguration;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * The notification endpoint's contract on Tomcat with Spring MVC.
 */
class MvcNotificationEndpointContractTests extends NotificationEndpointContract {

	@Override
	protected SpringApplicationBuilder application(Class<?>... sources) {
		return new SpringApplicationBuilder(MvcStack.class).sources(sources).web(WebApplicationType.SERVLET);
	}

	@Override
	protected String webServer() {
		return "TomcatWebServer";
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, JacksonAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, ComplaintClientAutoConfiguration.class,
			ComplaintNotificationAutoConfiguration.class })
	static class MvcStack {

	}

}
