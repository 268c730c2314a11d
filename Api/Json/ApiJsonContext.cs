using System.Text.Json.Serialization;
using BoxOffice.Api.DeadLetters;
using BoxOffice.Api.Health;
using BoxOffice.Api.Identity;
using BoxOffice.Api.Identity.SignIn;
using BoxOffice.Api.Orders;
using BoxOffice.Api.Paging;
using BoxOffice.Api.Posters;
using BoxOffice.Api.Reports;
using BoxOffice.Api.Shows;
using BoxOffice.Api.Site;
using Microsoft.AspNetCore.Mvc;

namespace BoxOffice.Api.Json;

/// <summary>
/// Compile-time JSON metadata for every request and response body, so a cold start (a new Lambda instance) does
/// not build serializers by reflection on its first requests. The Native AOT build has no reflection-based JSON at
/// all: a body type missing here fails there (Api.Tests/Json/ApiJsonContextTests checks every endpoint's types).
/// </summary>
[JsonSerializable(typeof(CreateShowRequest))]
[JsonSerializable(typeof(PatchShowRequest))]
[JsonSerializable(typeof(ShowResponse))]
[JsonSerializable(typeof(PageResponse<ShowResponse>))]
[JsonSerializable(typeof(PlaceOrderRequest))]
[JsonSerializable(typeof(OrderResponse))]
[JsonSerializable(typeof(PageResponse<OrderResponse>))]
[JsonSerializable(typeof(PosterUploadRequest))]
[JsonSerializable(typeof(PosterUploadResponse))]
[JsonSerializable(typeof(ReportResponse))]
[JsonSerializable(typeof(DeadLetterResponse[]))]
[JsonSerializable(typeof(RedriveResponse))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(DevTokenRequest))]
[JsonSerializable(typeof(DevTokenResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(JsonWebKeySetResponse))]
[JsonSerializable(typeof(OAuthTokenResponse))]
[JsonSerializable(typeof(SiteConfig))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
