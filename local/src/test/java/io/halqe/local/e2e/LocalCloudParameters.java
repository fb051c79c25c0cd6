package io.halqe.local.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Template parameters ({@code Name=Value}) an end-to-end test class starts its local cloud with, and why. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface LocalCloudParameters {

    String[] value();

    String why();
}
