/** Tests of the CJ simulator, driven over real HTTP with a plain OkHttp client. */
@NullMarked
package dev.dropsync.cj.testkit;

import org.jspecify.annotations.NullMarked;
