/** Tests of the CJ client against MockWebServer. */
@NullMarked
package dev.dropsync.cj;

import org.jspecify.annotations.NullMarked;
