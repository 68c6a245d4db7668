package news.masthead.site;

import news.masthead.content.Genre;
import news.masthead.content.Language;
import news.masthead.content.Source;
import news.masthead.content.SubjectKind;

/** The words of the site's furniture in one language. Immutable. */
public record Labels(
    String skipToContent,
    String sections,
    String topStories,
    String inBrief,
    String sectionInBrief,
    String more,
    String moreAbout,
    String moreFrom,
    String published,
    String updated,
    String by,
    String sources,
    String sourcesIntro,
    String correction,
    String corrections,
    String page,
    String of,
    String previousPage,
    String nextPage,
    String notFoundTitle,
    String notFoundText,
    String goneTitle,
    String badRequestTitle,
    String backHome,
    String readIn,
    String minutesRead,
    String latest) {

  private static final Labels ENGLISH =
      new Labels(
          "Skip to content",
          "Sections",
          "Top stories",
          "In Brief",
          "%s in Brief",
          "More",
          "More about: %s",
          "More from %s",
          "Published",
          "Updated",
          "By",
          "Sources",
          "Who this reporting rests on, and what they did",
          "Correction",
          "Corrections",
          "Page",
          "of",
          "Previous page",
          "Next page",
          "Page not found",
          "Nothing is published at this address. It may have moved, or the link may be mistyped.",
          "This item was retracted",
          "This request could not be understood",
          "Go to the front page",
          "Read in",
          "min read",
          "Latest");

  private static final Labels PERSIAN =
      new Labels(
          "رفتن به محتوا",
          "بخش‌ها",
          "خبرهای مهم",
          "اخبار کوتاه",
          "اخبار کوتاه %s",
          "بیشتر",
          "بیشتر دربارهٔ: %s",
          "مطالب دیگر از %s",
          "منتشرشده",
          "به‌روزشده",
          "نویسنده:",
          "منابع",
          "این گزارش بر چه کسانی تکیه دارد و آن‌ها چه کردند",
          "اصلاحیه",
          "اصلاحیه‌ها",
          "صفحهٔ",
          "از",
          "صفحهٔ قبل",
          "صفحهٔ بعد",
          "صفحه پیدا نشد",
          "در این نشانی چیزی منتشر نشده است. ممکن است جابه‌جا شده یا پیوند اشتباه باشد.",
          "این مطلب پس گرفته شد",
          "این درخواست قابل فهم نبود",
          "رفتن به صفحهٔ اصلی",
          "خواندن به",
          "دقیقه مطالعه",
          "تازه‌ترین‌ها");

  public static Labels of(Language language) {
    return language.equals(Language.PERSIAN) ? PERSIAN : ENGLISH;
  }

  private boolean persian() {
    return this == PERSIAN;
  }

  /** The words of the search page and the related-items list. */
  public SearchLabels search() {
    return persian() ? SearchLabels.PERSIAN : SearchLabels.ENGLISH;
  }

  public String sectionInBrief(String section) {
    return sectionInBrief.formatted(section);
  }

  public String moreAbout(String headline) {
    return moreAbout.formatted(headline);
  }

  public String moreFrom(String section) {
    return moreFrom.formatted(section);
  }

  public String genre(Genre genre) {
    if (!persian()) {
      return genre.label();
    }
    return switch (genre) {
      case NEWS -> "خبر";
      case ANALYSIS -> "تحلیل";
      case OPINION -> "دیدگاه";
      case REPORTAGE -> "گزارش";
      case INTERVIEW -> "گفت‌وگو";
      case EXPLAINER -> "توضیح";
    };
  }

  public String sourceKind(Source.Kind kind) {
    if (!persian()) {
      return kind.label();
    }
    return switch (kind) {
      case WIRE -> "خبرگزاری";
      case NEWS_ORGANISATION -> "رسانه";
      case OFFICIAL -> "مقام رسمی";
      case SPOKESPERSON -> "سخنگو";
      case DOCUMENT -> "سند";
      case UNNAMED -> "منبع بی‌نام";
      case OTHER -> "منبع";
    };
  }

  public String sourceRole(Source.Role role) {
    if (!persian()) {
      return role.label();
    }
    return switch (role) {
      case REPORTED -> "گزارش داد";
      case CONFIRMED -> "تأیید کرد";
      case DENIED -> "تکذیب کرد";
      case DECLINED_TO_COMMENT -> "از اظهارنظر خودداری کرد";
      case YET_TO_RESPOND -> "هنوز پاسخ نداده است";
    };
  }

  public String subjectKind(SubjectKind kind) {
    if (persian()) {
      return switch (kind) {
        case TAG -> "برچسب‌ها";
        case PERSON -> "افراد";
        case ORGANISATION -> "سازمان‌ها";
        case PLACE -> "مکان‌ها";
        case AUTHOR -> "نویسندگان";
      };
    }
    return switch (kind) {
      case TAG -> "Tags";
      case PERSON -> "People";
      case ORGANISATION -> "Organisations";
      case PLACE -> "Places";
      case AUTHOR -> "Authors";
    };
  }

  /** The heading of a subject's page, such as "Tag: Oil" or "Author: Sara Ahmadi". */
  public String subjectHeading(SubjectKind kind, String name) {
    if (persian()) {
      String word =
          switch (kind) {
            case TAG -> "برچسب";
            case PERSON -> "شخص";
            case ORGANISATION -> "سازمان";
            case PLACE -> "مکان";
            case AUTHOR -> "نویسنده";
          };
      return word + ": " + name;
    }
    String word =
        switch (kind) {
          case TAG -> "Tag";
          case PERSON -> "Person";
          case ORGANISATION -> "Organisation";
          case PLACE -> "Place";
          case AUTHOR -> "Author";
        };
    return word + ": " + name;
  }

  /** The name of a policy page, for the footer. */
  public String policy(Policy policy) {
    if (persian()) {
      return switch (policy) {
        case CORRECTIONS -> "سیاست اصلاحیه";
        case ETHICS -> "اصول اخلاقی";
        case UNNAMED_SOURCES -> "منابع بی‌نام";
        case FACT_CHECKING -> "راستی‌آزمایی";
        case OWNERSHIP -> "مالکیت و منابع مالی";
        case DIVERSITY -> "تنوع";
        case FEEDBACK -> "بازخورد";
        case MASTHEAD -> "دبیران";
      };
    }
    return switch (policy) {
      case CORRECTIONS -> "Corrections";
      case ETHICS -> "Ethics";
      case UNNAMED_SOURCES -> "Unnamed sources";
      case FACT_CHECKING -> "Fact-checking";
      case OWNERSHIP -> "Ownership and funding";
      case DIVERSITY -> "Diversity";
      case FEEDBACK -> "Feedback";
      case MASTHEAD -> "Editors";
    };
  }

  /** The name of a language in itself, for "Read in فارسی". */
  public static String languageName(Language language) {
    return switch (language.code()) {
      case "en" -> "English";
      case "fa" -> "فارسی";
      case "ar" -> "العربية";
      default -> language.code();
    };
  }
}
