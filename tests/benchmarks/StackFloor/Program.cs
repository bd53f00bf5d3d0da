using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StackFloor;

// The least a site on this stack can be: one form that books a time, stored with EF Core in SQLite, shown back with a
// Razor view. No identity, localization, e-mail, rate limits, caching or background work. See StackFloor.csproj.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllersWithViews();
builder.Services.AddDbContext<FloorDb>(options => options.UseSqlite(builder.Configuration.GetConnectionString("Floor")));

var app = builder.Build();
using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<FloorDb>();
    await db.Database.EnsureCreatedAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
}

app.MapControllers();
await app.RunAsync();

namespace StackFloor
{
    /// <summary>A booked time, with the details a patient gives.</summary>
    public sealed class Booking
    {
        public int Id { get; set; }

        [Required, StringLength(100)]
        public string Name { get; set; } = "";

        [Required, EmailAddress, StringLength(200)]
        public string Email { get; set; } = "";

        [Required, StringLength(25)]
        public string Phone { get; set; } = "";

        [StringLength(1000)]
        public string? Notes { get; set; }

        [Range(1, 100)]
        public int Doctor { get; set; }

        public DateTime Start { get; set; }

        public DateTime CreatedUtc { get; set; }
    }

    public sealed class FloorDb(DbContextOptions<FloorDb> options) : DbContext(options)
    {
        public DbSet<Booking> Bookings => Set<Booking>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Booking>().HasIndex(b => new { b.Doctor, b.Start }).IsUnique();
    }

    /// <summary>The booking form, its post (refused when the time is taken) and the confirmation.</summary>
    [Route("book")]
    public sealed class FloorController(FloorDb db) : Controller
    {
        [HttpGet("")]
        public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
            View(await db.Bookings.AsNoTracking().OrderByDescending(b => b.Id).Take(10).ToListAsync(cancellationToken));

        [HttpPost("")]
        [IgnoreAntiforgeryToken]
        public async Task<IActionResult> Book([FromForm] Booking booking, CancellationToken cancellationToken)
        {
            if (!ModelState.IsValid)
            {
                return BadRequest(ModelState);
            }

            if (await db.Bookings.AnyAsync(b => b.Doctor == booking.Doctor && b.Start == booking.Start, cancellationToken))
            {
                return Conflict();
            }

            booking.Id = 0;
            booking.CreatedUtc = DateTime.UtcNow;
            db.Bookings.Add(booking);
            await db.SaveChangesAsync(cancellationToken);
            Response.Headers.Location = $"/book/done/{booking.Id}";
            return StatusCode(StatusCodes.Status303SeeOther); // as the site answers a booking
        }

        [HttpGet("done/{id:int}")]
        public async Task<IActionResult> Done(int id, CancellationToken cancellationToken) =>
            await db.Bookings.FindAsync([id], cancellationToken) is { } booking ? View(booking) : NotFound();
    }
}
