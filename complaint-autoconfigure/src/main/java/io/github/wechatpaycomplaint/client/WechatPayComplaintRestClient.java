package io.github.wechatpaycomplaint.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifies the starter's signed and verifying
 * {@link org.springframework.web.client.RestClient}. The bean is not a default candidate,
 * so an application's own unqualified {@code RestClient} injection points never receive
 * it: <pre class="code">
 * ComplaintService(&#64;WechatPayComplaintRestClient RestClient wechatPay) { … }
 * </pre>
 *
 * @since 0.1.0
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier(WechatPayComplaintRestClient.BEAN_NAME)
public @interface WechatPayComplaintRestClient {

	/** Name of the bean; define a bean with this name to replace it. */
	String BEAN_NAME = "wechatPayComplaintRestClient";

}
