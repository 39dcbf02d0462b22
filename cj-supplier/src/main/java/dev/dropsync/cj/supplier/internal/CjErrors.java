package dev.dropsync.cj.supplier.internal;

import dev.dropsync.cj.CjException;
import dev.dropsync.cj.CjInvalidRequestException;
import dev.dropsync.cj.CjNotFoundException;

/** Classifies CJ errors by code (never by message). */
public final class CjErrors {
  private CjErrors() {}

  /** 1602000: CJ does not know the product or variant. */
  public static boolean isUnknownProduct(CjException e) {
    return e instanceof CjNotFoundException && code(e) == 1602000;
  }

  /** 1602001–1602003: CJ knows it but it is offline / off the shelf. */
  public static boolean isOffSale(CjException e) {
    int c = code(e);
    return e instanceof CjNotFoundException && c >= 1602001 && c <= 1602003;
  }

  /** Any of CJ's product/variant codes 1602000–1602003 (not a bare HTTP 404 or 1600101). */
  public static boolean isProductCode(CjException e) {
    int c = code(e);
    return e instanceof CjNotFoundException && c >= 1602000 && c <= 1602003;
  }

  /** 1605000–1605002: logistic method not found / invalid / bad country. */
  public static boolean isLogistics(CjException e) {
    int c = code(e);
    return c >= 1605000 && c <= 1605002;
  }

  /**
   * A rejection CJ (or the client's own validation, before sending) will always give for this
   * order: parameter errors, platform/storage errors, logistics errors. Client-bug codes (wrong
   * method, content type or body) and "interface offline" are not about the order and are not
   * definite rejections.
   */
  public static boolean isDefiniteOrderRejection(CjInvalidRequestException e) {
    Integer code = e.code();
    if (code == null) {
      return e.httpStatus() == 0; // refused by the client's validation: never sent, always refused
    }
    int c = code;
    return c == 1600300 || c == 5027 || c == 5030 || (c >= 1605000 && c <= 1605002);
  }

  public static int code(CjException e) {
    Integer c = e.code();
    return c == null ? -1 : c;
  }
}
